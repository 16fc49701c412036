// The counter: sign in at a window, then serve visitors with one key per action.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { estimatedWaitOf, estimatedWaitRangeOf } from '@hallq/shared';
import type { HallEvent, HallWindow } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { useSignedIn } from '../../hooks/use-session';
import { useHallConfig, useHallFeed } from '../../hooks/use-hall';
import { useNow } from '../../hooks/use-now';
import { useAction } from '../../hooks/use-action';
import { localDate, routingContext, waitingForWindow } from '../../lib/queue';
import { staffTypeOf } from '../../lib/roles';
import type { CounterAction } from '../../lib/shortcuts';
import { ErrorBox } from '../../components/error-box';
import { WindowPicker } from './window-picker';
import { CurrentPanel } from './current-panel';
import { WaitingList } from './waiting-list';
import { ActionBar } from './action-bar';
import { IssueTicket } from './issue-ticket';
import { MyCountsPanel } from './my-counts-panel';
import { CounterHead } from './counter-head';
import { CounterDialogHost, type CounterDialog } from './counter-dialog-host';
import { actionEnabled, callNext, ticketCommand, windowCommand } from './counter-actions';
import { useCounterKeys } from './use-counter-keys';
import { useMyCounts } from './use-my-counts';
import { useChecklist } from './use-checklist';

export function CounterPage() {
  const { t } = useI18n();
  const { me, token } = useSignedIn();
  const { config, reload } = useHallConfig(me.hallId);
  const now = useNow();
  const today = localDate(now, config?.timezone ?? 'Asia/Shanghai');
  const [windowId, setWindowId] = useState<string | null>(null);
  const { counts, count } = useMyCounts(me.id, windowId, today);
  const onEvent = useCallback(
    (e: HallEvent) => {
      if (e.type === 'config.changed') reload();
      count(e);
    },
    [count, reload],
  );
  const { state, status, dispatch } = useHallFeed(me.hallId, token, onEvent, reload);
  const { run, error, busy } = useAction();
  const [dialog, setDialog] = useState<CounterDialog>(null);
  const [info, setInfo] = useState<string | null>(null);

  const windows = state?.windows ?? [];
  // Already signed in somewhere (e.g. after a reload): that is my window.
  const win = windows.find((w) => w.staffId === me.id) ?? null;
  useEffect(() => {
    if (win && win.id !== windowId) setWindowId(win.id);
  }, [win, windowId]);
  const current = win?.current ?? null;
  const checklist = useChecklist(current?.ticketId ?? null);
  const staffType = staffTypeOf(me.role) ?? 'helper';
  const ctx = useMemo(() => (config ? routingContext(config) : null), [config]);
  const rows = useMemo(
    () => (win && ctx && state ? waitingForWindow(state.waiting, win.skills, staffType, ctx, now) : []),
    [win, ctx, state, staffType, now],
  );

  const patchWindow = (w: HallWindow) => dispatch({ type: 'window-patch', windowId: w.id, patch: { state: w.state, staffId: w.staffId, pauseReason: w.pauseReason } });
  const enabled = (a: CounterAction) => actionEnabled(a, win, current, busy);
  const perform = (a: CounterAction) => {
    if (!win) return;
    setInfo(null);
    if (!enabled(a)) return;
    const id = current?.ticketId ?? '';
    if (a === 'call-next') {
      void run(async () => {
        const ticket = await callNext(win.id);
        setInfo(ticket ? t('counter.called', { number: ticket.number }) : t('counter.nothingWaiting'));
      });
    } else if (a === 'recall' || a === 'start') void run(() => ticketCommand(id, a));
    else if (a === 'complete' || a === 'transfer' || a === 'no-show') setDialog({ kind: a });
    else if (win.state === 'paused') void run(async () => patchWindow(await windowCommand(win.id, 'resume')));
    else setDialog({ kind: 'pause' });
  };
  useCounterKeys(perform, busy, dialog !== null);

  if (!config || !state) return <p>{t('common.loading')}</p>;
  return (
    <div className="counter">
      <CounterHead
        win={win}
        status={status}
        canSignOut={!busy && current === null}
        onSignOut={() => win && void run(async () => patchWindow(await windowCommand(win.id, 'sign-out')))}
      />
      {win?.state === 'paused' && <p className="banner warn">{t('counter.pausedBanner', { reason: win.pauseReason ?? '' })}</p>}
      <ErrorBox error={error} />
      {info && (
        <p className="info" role="status" data-testid="counter-info">
          {info}
        </p>
      )}
      {!win ? (
        <WindowPicker me={me} config={config} windows={windows} busy={busy} onSignIn={(id) => void run(async () => patchWindow(await windowCommand(id, 'sign-in')))} />
      ) : (
        <>
          <ActionBar enabled={enabled} paused={win.state === 'paused'} onAction={perform} />
          <div className="counter-grid">
            <CurrentPanel
              config={config}
              current={current}
              ticket={current ? state.known[current.ticketId] : undefined}
              now={now}
              ticked={checklist.ticked}
              onTick={checklist.toggle}
            />
            <WaitingList
              config={config}
              rows={rows}
              now={now}
              estimateOf={(id) => estimatedWaitOf(state, id)}
              rangeOf={(id) => estimatedWaitRangeOf(state, id)}
              canCall={current === null && win.state === 'open'}
              onCall={(ticketId, number) => setDialog({ kind: 'call', ticketId, number })}
            />
          </div>
          <MyCountsPanel counts={counts} />
        </>
      )}
      <IssueTicket config={config} today={today} />
      <CounterDialogHost
        dialog={dialog}
        config={config}
        win={win}
        current={current}
        onClose={() => setDialog(null)}
        act={(command) => {
          setDialog(null);
          void run(command);
        }}
        onWindow={patchWindow}
      />
    </div>
  );
}
