// A helper issues a ticket for a visitor, with the priority lane (绿色通道) when entitled.
import { useState } from 'react';
import type { HallConfig, Ticket } from '@hallq/shared';
import { newIdempotencyKey } from '@hallq/client';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../hooks/use-action';
import { ErrorBox } from '../../components/error-box';

const PRIORITY: Array<{ id: string; label: MessageKey }> = [
  { id: 'none', label: 'issue.priority.none' },
  { id: 'elderly', label: 'issue.priority.elderly' },
  { id: 'disabled', label: 'issue.priority.disabled' },
  { id: 'pregnant', label: 'issue.priority.pregnant' },
  { id: 'military', label: 'issue.priority.military' },
];

export function IssueTicket({ config, today }: { config: HallConfig; today: string }) {
  const { t, pick, lang } = useI18n();
  const { run, error, busy } = useAction();
  const services = config.services.filter((s) => s.active);
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [priority, setPriority] = useState('none');
  const [issued, setIssued] = useState<Ticket | null>(null);
  return (
    <section className="card issue">
      <h2>{t('issue.title')}</h2>
      <form
        className="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          setIssued(null);
          const body = { serviceId, priority: priority !== 'none', lang: lang === 'en' ? 'en' : 'zh' };
          void run(async () => {
            const res = await api.post<{ ticket: Ticket }>(`/halls/${config.id}/tickets`, body, { idempotencyKey: newIdempotencyKey() });
            setIssued(res.ticket);
          });
        }}
      >
        <label>
          {t('issue.service')}
          <select name="issue-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} {pick(s.name)} {s.closedOn === today ? t('issue.closed') : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('issue.priority')}
          <select name="issue-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
            {PRIORITY.map((p) => (
              <option key={p.id} value={p.id}>
                {t(p.label)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-primary" disabled={busy || !serviceId}>
          {t('issue.submit')}
        </button>
      </form>
      <ErrorBox error={error} />
      {issued && (
        <p className="success" role="status" data-testid="issued">
          {t('issue.done', { number: issued.number, ahead: issued.peopleAhead ?? 0 })}
        </p>
      )}
    </section>
  );
}
