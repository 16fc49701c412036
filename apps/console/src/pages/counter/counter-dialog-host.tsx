// The dialog the counter has open, if any, and what its answer does.
import type { CurrentTicketView, HallConfig, HallWindow, WindowView } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { callOutOfOrder, ticketCommand, windowCommand } from './counter-actions';
import { CompleteDialog, NoShowDialog, ReasonDialog, TransferDialog } from './counter-dialogs';

export type CounterDialog = null | { kind: 'complete' } | { kind: 'transfer' } | { kind: 'no-show' } | { kind: 'pause' } | { kind: 'call'; ticketId: string; number: string };

export function CounterDialogHost(props: {
  dialog: CounterDialog;
  config: HallConfig;
  win: WindowView | null;
  current: CurrentTicketView | null;
  onClose(): void;
  /** Closes the dialog and runs the command. */
  act(command: () => Promise<unknown>): void;
  onWindow(w: HallWindow): void;
}) {
  const { t } = useI18n();
  const { dialog, config, win, current, onClose, act, onWindow } = props;
  if (dialog?.kind === 'complete' && current) {
    return (
      <CompleteDialog
        number={current.number}
        onClose={onClose}
        onDone={(firstTimeAccepted, note) => act(() => ticketCommand(current.ticketId, 'complete', note ? { firstTimeAccepted, note } : { firstTimeAccepted }))}
      />
    );
  }
  if (dialog?.kind === 'transfer' && current) {
    return (
      <TransferDialog
        config={config}
        number={current.number}
        serviceId={current.serviceId}
        stage={current.stage}
        onClose={onClose}
        onDone={(serviceId, stage) => act(() => ticketCommand(current.ticketId, 'transfer', { serviceId, stage }))}
      />
    );
  }
  if (dialog?.kind === 'no-show' && current) {
    return <NoShowDialog number={current.number} rule={config.noShowRule} onClose={onClose} onDone={() => act(() => ticketCommand(current.ticketId, 'no-show'))} />;
  }
  if (dialog?.kind === 'pause' && win) {
    return (
      <ReasonDialog
        title={t('counter.pauseTitle')}
        label={t('counter.pauseReason')}
        presets
        onClose={onClose}
        onDone={(reason) => act(async () => onWindow(await windowCommand(win.id, 'pause', reason ? { reason } : {})))}
      />
    );
  }
  if (dialog?.kind === 'call' && win) {
    return (
      <ReasonDialog
        title={t('counter.callTitle', { number: dialog.number })}
        label={t('counter.callReason')}
        presets={false}
        onClose={onClose}
        onDone={(reason) => act(() => callOutOfOrder(win.id, dialog.ticketId, reason))}
      />
    );
  }
  return null;
}
