// The counter: sign in at a window, then serve visitors with one key per action.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { estimatedWaitOf } from '@hallq/shared';
import type { HallEvent, HallWindow, Ticket } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { useSignedIn } from '../../hooks/use-session';
import { useHallConfig, useHallFeed } from '../../hooks/use-hall';
import { useNow } from '../../hooks/use-now';
import { useAction } from '../../hooks/use-action';
import { api } from '../../lib/api';
import { localDate, routingContext, waitingForWindow } from '../../lib/queue';
import { staffTypeOf } from '../../lib/roles';
import { actionForKey } from '../../lib/shortcuts';
import type { CounterAction } from '../../lib/shortcuts';
import { ErrorBox } from '../../components/error-box';
import { FeedStatus } from '../../components/feed-status';
import { WindowPicker } from './window-picker';
import { CurrentPanel } from './current-panel';
import { WaitingList } from './waiting-list';
import { ActionBar } from './action-bar';
import { CompleteDialog, ReasonDialog, TransferDialog } from './counter-dialogs';
import { IssueTicket } from './issue-ticket';
import { MyCountsPanel } from './my-counts-panel';
import { countEvent, loadCounts, saveCounts } from './my-counts';

type DialogState = null | { kind: 'complete' } | { kind: 'transfer' } | { kind: 'pause' } | { kind: 'call'; ticketId: string; number: string };

export function CounterPage() {
  const { t } = useI18n();
  const { me, token } = useSignedIn();
  const hallId = me.hallId;
  const { config, reload } = useHallConfig(hallId);
  const now = useNow();
  const today = localDate(now, config?.timezone ?? 'Asia/Shanghai');
  const [counts, setCounts] = useState(() => loadCounts(me?.id ?? '', today));
  const [windowId, setWindowId] = useState<string | null>(null);
  const onEvent = useCallback(
    (e: HallEvent) => {
      if (e.type === 'config.changed') reload();
      if (!me) return;
      setCounts((c) => {
        const next = countEvent(c, e, me.id, windowId);
        if (next !== c) saveCounts(me.id, today, next);
        return next;
      });
    },
    [me, windowId, today, reload],
  );
  const { state, status, dispatch } = useHallFeed(hallId, token, onEvent);
  const { run, error, busy } = useAction();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [ticks, setTicks] = useState<{ ticketId: string; done: Set<number> }>({ ticketId: '', done: new Set() });

  const windows = state?.windows ?? [];
  // Already signed in somewhere (e.g. after a reload): that is my window.
  const signedIn = windows.find((w) => w.staffId === me?.id) ?? null;
  useEffect(() => {
    if (signedIn && signedIn.id !== windowId) setWindowId(signedIn.id);
  }, [signedIn, windowId]);
  const win = signedIn;
  const current = win?.current ?? null;
  const staffType = staffTypeOf(me?.role) ?? 'helper';
  const ctx = useMemo(() => (config ? routingContext(config) : null), [config]);
  const rows = useMemo(
    () => (win && ctx && state ? waitingForWindow(state.waiting, win.skills, staffType, ctx, now) : []),
    [win, ctx, state, staffType, now],
  );

  const patchWindow = (w: HallWindow) => dispatch({ type: 'window-patch', windowId: w.id, patch: { state: w.state, staffId: w.staffId, pauseReason: w.pauseReason } });
  const post = <T,>(path: string, body: unknown = {}) => api.post<T>(path, body);

  const enabled = (a: CounterAction): boolean => {
    if (!win || busy) return false;
    if (a === 'pause-resume') return true;
    if (win.state === 'paused') return false;
    if (a === 'call-next') return current === null;
    if (!current) return false;
    if (a === 'start') return current.status === 'called';
    if (a === 'recall' || a === 'no-show') return current.status === 'called';
    return true;
  };

  const perform = (a: CounterAction) => {
    if (!win) return;
    setInfo(null);
    if (!enabled(a)) return;
    const id = current?.ticketId ?? '';
    switch (a) {
      case 'call-next':
        void run(async () => {
          const res = await post<{ ticket: Ticket } | undefined>(`/windows/${win.id}/call-next`);
          setInfo(res?.ticket ? t('counter.called', { number: res.ticket.number }) : t('counter.nothingWaiting'));
        });
        break;
      case 'recall':
        void run(() => post(`/tickets/${id}/recall`));
        break;
      case 'start':
        void run(() => post(`/tickets/${id}/start`));
        break;
      case 'no-show':
        void run(() => post(`/tickets/${id}/no-show`));
        break;
      case 'complete':
        setDialog({ kind: 'complete' });
        break;
      case 'transfer':
        setDialog({ kind: 'transfer' });
        break;
      case 'pause-resume':
        if (win.state === 'paused') void run(async () => patchWindow((await post<{ window: HallWindow }>(`/windows/${win.id}/resume`)).window));
        else setDialog({ kind: 'pause' });
        break;
    }
  };

  // A key pressed while the previous action is still on its way (its event may already be on
  // screen, before the server's answer) is kept and carried out as soon as that action ends.
  const queued = useRef<CounterAction | null>(null);
  const keyHandler = useRef<(a: CounterAction) => void>(() => undefined);
  keyHandler.current = (a) => {
    if (busy && a !== 'pause-resume') queued.current = a;
    else perform(a);
  };
  useEffect(() => {
    if (busy || !queued.current) return;
    const a = queued.current;
    queued.current = null;
    perform(a);
  });

  // Shortcuts: function keys anywhere; keypad keys unless the user is typing in a field. One
  // listener for the page's life, reading the latest state through the ref.
  const dialogOpen = useRef(false);
  dialogOpen.current = dialog !== null;
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (dialogOpen.current || e.defaultPrevented) return;
      const action = actionForKey(e);
      if (!action) return;
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (typing && e.code.startsWith('Numpad')) return;
      e.preventDefault();
      keyHandler.current(action);
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  if (!config || !state) return <p>{t('common.loading')}</p>;
  const closeDialog = () => setDialog(null);
  const ticked = ticks.ticketId === current?.ticketId ? ticks.done : new Set<number>();
  const act = (f: () => Promise<unknown>) => {
    setDialog(null);
    void run(f);
  };

  return (
    <div className="counter">
      <div className="page-head">
        {win ? (
          <>
            <h1 data-testid="window-title">{t('counter.window', { n: win.number })}</h1>
            <span className={`badge big state-${win.state}`} data-testid="window-state">
              {t(`state.${win.state}`)}
            </span>
            <button type="button" disabled={busy || current !== null} onClick={() => void run(async () => patchWindow((await post<{ window: HallWindow }>(`/windows/${win.id}/sign-out`)).window))}>
              {t('counter.signOut')}
            </button>
          </>
        ) : (
          <h1>{t('nav.counter')}</h1>
        )}
        <FeedStatus status={status} />
      </div>
      {win?.state === 'paused' && <p className="banner warn">{t('counter.pausedBanner', { reason: win.pauseReason ?? '' })}</p>}
      <ErrorBox error={error} />
      {info && (
        <p className="info" role="status" data-testid="counter-info">
          {info}
        </p>
      )}
      {!win ? (
        <WindowPicker
          me={me}
          config={config}
          windows={windows}
          busy={busy}
          onSignIn={(id) => void run(async () => patchWindow((await post<{ window: HallWindow }>(`/windows/${id}/sign-in`)).window))}
        />
      ) : (
        <>
          <ActionBar enabled={enabled} paused={win.state === 'paused'} onAction={perform} />
          <div className="counter-grid">
            <CurrentPanel
              config={config}
              current={current}
              ticket={current ? state.known[current.ticketId] : undefined}
              now={now}
              ticked={ticked}
              onTick={(i) =>
                setTicks(() => {
                  const done = new Set(ticked);
                  if (done.has(i)) done.delete(i);
                  else done.add(i);
                  return { ticketId: current?.ticketId ?? '', done };
                })
              }
            />
            <WaitingList
              config={config}
              rows={rows}
              now={now}
              estimateOf={(id) => estimatedWaitOf(state, id)}
              canCall={current === null && win.state === 'open'}
              onCall={(ticketId, number) => setDialog({ kind: 'call', ticketId, number })}
            />
          </div>
          <MyCountsPanel counts={counts} />
        </>
      )}
      <IssueTicket config={config} today={today} />
      {dialog?.kind === 'complete' && current && (
        <CompleteDialog
          number={current.number}
          onClose={closeDialog}
          onDone={(firstTimeAccepted, note) => act(() => post(`/tickets/${current.ticketId}/complete`, note ? { firstTimeAccepted, note } : { firstTimeAccepted }))}
        />
      )}
      {dialog?.kind === 'transfer' && current && (
        <TransferDialog
          config={config}
          number={current.number}
          serviceId={current.serviceId}
          stage={current.stage}
          onClose={closeDialog}
          onDone={(serviceId, stage) => act(() => post(`/tickets/${current.ticketId}/transfer`, { serviceId, stage }))}
        />
      )}
      {dialog?.kind === 'pause' && win && (
        <ReasonDialog
          title={t('counter.pauseTitle')}
          label={t('counter.pauseReason')}
          presets
          onClose={closeDialog}
          onDone={(reason) => act(async () => patchWindow((await post<{ window: HallWindow }>(`/windows/${win.id}/pause`, reason ? { reason } : {})).window))}
        />
      )}
      {dialog?.kind === 'call' && win && (
        <ReasonDialog
          title={t('counter.callTitle', { number: dialog.number })}
          label={t('counter.callReason')}
          presets={false}
          onClose={closeDialog}
          onDone={(reason) => act(() => post(`/windows/${win.id}/call`, { ticketId: dialog.ticketId, reason }))}
        />
      )}
    </div>
  );
}
