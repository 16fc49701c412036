// 好差评 follow-ups for the supervisor: overdue ones first and highlighted, each with the steps
// the workflow allows next (assign to me, call back, rectify, review, close) and its history.
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { useAction } from '../../hooks/use-action';
import { api } from '../../lib/api';
import { ErrorBox } from '../../components/error-box';
import { FOLLOW_UPS_SECTION } from '../../lib/alerts';
import type { FollowUpView, FollowUpAction, FollowUpList } from '@hallq/shared';
import { nextActions } from './reports-model';
import { ScrollTable } from '../../components/table-scroll';

function Row({ f, meId, onChanged }: { f: FollowUpView; meId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { run, error, busy } = useAction();
  const step = (action: FollowUpAction) =>
    run(async () => {
      await api.post(`/follow-ups/${encodeURIComponent(f.id)}/steps`, action === 'assign' ? { action, assignee: meId } : { action, note: note.trim() || undefined });
      setNote('');
      onChanged();
    });
  const actions = nextActions(f.status);
  return (
    <tr className={f.overdue ? 'overdue' : undefined} data-testid="follow-up" data-status={f.status} data-overdue={f.overdue ? 'yes' : 'no'}>
      <td>
        <strong>{f.ticketNumber}</strong>
        <div className="muted">{f.serviceDate}</div>
      </td>
      <td>{t(`reports.level.${f.level}` as MessageKey)}</td>
      <td>{f.reason}</td>
      <td>
        {f.deadline}
        {f.overdue && <span className="badge over">{t('reports.followUps.overdue')}</span>}
      </td>
      <td>{t(`reports.status.${f.status}` as MessageKey)}</td>
      <td>
        {actions.length > 0 && (
          <div className="follow-up-actions">
            <input aria-label={t('reports.followUps.notePrompt')} placeholder={t('reports.followUps.notePrompt')} value={note} onChange={(e) => setNote(e.target.value)} />
            {actions.map((a) => (
              <button key={a} type="button" className="btn-small" disabled={busy} data-action={a} onClick={() => void step(a)}>
                {t(`reports.action.${a}` as MessageKey)}
              </button>
            ))}
          </div>
        )}
        <ErrorBox error={error} />
        {f.steps.length > 0 && (
          <ol className="follow-up-steps">
            {f.steps.map((s, i) => (
              <li key={i}>
                {new Date(s.at).toLocaleString()} · {t(`reports.action.${s.action}` as MessageKey)}
                {s.note ? ` · ${s.note}` : ''}
              </li>
            ))}
          </ol>
        )}
      </td>
    </tr>
  );
}

export function FollowUpsPanel({ list, meId, onChanged }: { list: FollowUpList; meId: string; onChanged: () => void }) {
  const { t } = useI18n();
  // Opened from an overdue follow-up's alert on the board (/console/reports#follow-ups).
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (window.location.hash === `#${FOLLOW_UPS_SECTION}`) section.current?.scrollIntoView({ block: 'start' });
  }, []);
  const rows = [...list.followUps].sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(a.status === 'closed') - Number(b.status === 'closed') || a.deadline.localeCompare(b.deadline));
  return (
    <section className="card" data-testid="follow-ups" id={FOLLOW_UPS_SECTION} ref={section}>
      <h2>{t('reports.followUps')}</h2>
      {list.summary.overdue > 0 && (
        <p className="error-box" role="alert" data-testid="overdue-alert">
          {t('reports.followUps.overdueAlert', { n: list.summary.overdue })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{t('reports.followUps.none')}</p>
      ) : (
        <ScrollTable label={t('reports.followUps')} headers={[t('reports.followUps.ticket'), t('reports.followUps.level'), t('reports.followUps.reason'), t('reports.followUps.deadline'), t('reports.followUps.status'), t('reports.followUps.steps')]} className="follow-ups">
          {rows.map((f) => (
            <Row key={f.id} f={f} meId={meId} onChanged={onChanged} />
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
