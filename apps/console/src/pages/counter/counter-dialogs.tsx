// The counter's dialogs: complete (Y/N), transfer, pause with a reason, call out of order, no-show.
import { useCallback, useState } from 'react';
import type { HallConfig } from '@hallq/shared';
import { Dialog } from '../../components/dialog';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { yesNoForKey } from '../../lib/shortcuts';
import { FormActions } from '../../components/form-actions';
import { ServiceChoices } from './service-choices';
import { defaultTransferStage, transferGroups } from './transfer-choices';

export function CompleteDialog({ number, onClose, onDone }: { number: string; onClose(): void; onDone(firstTime: boolean, note: string): void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const onKey = useCallback(
    (e: KeyboardEvent) => {
      // Y / N answer at once, unless the officer is typing the note.
      if (e.target instanceof HTMLTextAreaElement) return;
      const yes = yesNoForKey(e);
      if (yes === null) return;
      e.preventDefault();
      onDone(yes, note);
    },
    [note, onDone],
  );
  return (
    <Dialog title={t('counter.completeTitle', { number })} onClose={onClose} onKey={onKey}>
      <p className="question">{t('counter.firstTimeQ')}</p>
      <p className="muted">{t('counter.firstTimeHint')}</p>
      <div className="yes-no">
        <button type="button" className="btn-primary" onClick={() => onDone(true, note)} data-testid="first-time-yes" data-autofocus>
          {t('common.yes')} <kbd>Y</kbd>
        </button>
        <button type="button" className="btn-warn" onClick={() => onDone(false, note)} data-testid="first-time-no">
          {t('common.no')} <kbd>N</kbd>
        </button>
      </div>
      <label>
        {t('counter.note')} {t('common.optional')}
        <textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </Dialog>
  );
}

interface TransferProps {
  config: HallConfig;
  number: string;
  serviceId: string;
  stage: number;
  onClose(): void;
  onDone(serviceId: string, stage: number): void;
}

export function TransferDialog({ config, number, serviceId, stage, onClose, onDone }: TransferProps) {
  const { t, pick } = useI18n();
  const [to, setTo] = useState(serviceId);
  const [toStage, setToStage] = useState(() => defaultTransferStage(config, serviceId, stage));
  const target = config.services.find((s) => s.id === to);
  const stages = target?.stages ?? [];
  // The services as a list of choices, not a drop-down: a long name wraps whole instead of being
  // cut at the edge of a closed select (on a phone most of the hall's names would be).
  const groups = transferGroups(config, serviceId);
  return (
    <Dialog title={t('counter.transferTitle', { number })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onDone(to, toStage);
        }}
      >
        <ServiceChoices
          groups={groups}
          legend={t('counter.transferTo')}
          name="serviceId"
          testId="transfer-services"
          choiceTestId="transfer-to-"
          selected={to}
          autofocusId={serviceId}
          onChoose={(id) => {
            setTo(id);
            setToStage(0);
          }}
        />
        <label>
          {t('counter.transferStage')}
          <select name="stage" value={toStage} onChange={(e) => setToStage(Number(e.target.value))}>
            {(stages.length ? stages : [{ name: { zh: '—', en: '—' }, officersOnly: false }]).map((st, i) => (
              <option key={i} value={i}>
                {i + 1}. {pick(st.name)}
                {st.officersOnly ? ` (${t('counter.officersOnly')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <FormActions label={t('action.transfer')} onCancel={onClose} testId="transfer-submit" />
      </form>
    </Dialog>
  );
}

const PAUSE_REASONS: MessageKey[] = ['counter.reason.break', 'counter.reason.meeting', 'counter.reason.system', 'counter.reason.other'];

export function ReasonDialog({ title, label, presets, onClose, onDone }: { title: string; label: string; presets: boolean; onClose(): void; onDone(reason: string): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onDone(reason.trim());
        }}
      >
        {presets && (
          <div className="presets">
            {PAUSE_REASONS.map((k) => (
              <button key={k} type="button" onClick={() => setReason(t(k))}>
                {t(k)}
              </button>
            ))}
          </div>
        )}
        <label>
          {label}
          <input name="reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} required={!presets} />
        </label>
        <FormActions label={t('common.confirm')} onCancel={onClose} testId="reason-submit" />
      </form>
    </Dialog>
  );
}

/** A no-show is confirmed: the visitor may be on the way, and the hall's rule for a late return is shown. */
export function NoShowDialog({ number, rule, onClose, onDone }: { number: string; rule: HallConfig['noShowRule']; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('counter.noShowTitle', { number })} onClose={onClose}>
      <p className="question">{t('counter.noShowQ')}</p>
      <p className="muted">{rule === 'new_ticket' ? t('counter.noShowNewTicket') : t('counter.noShowRequeue')}</p>
      <div className="form-actions">
        <button type="button" className="btn-warn" data-testid="no-show-confirm" onClick={onDone}>
          {t('counter.noShowConfirm')}
        </button>
        <button type="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
