// A helper issues a ticket for a visitor, with the priority lane (绿色通道) when entitled.
import { useState } from 'react';
import type { HallConfig, Ticket } from '@hallq/shared';
import { newIdempotencyKey } from '@hallq/client';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../hooks/use-action';
import { ErrorBox } from '../../components/error-box';
import { ServiceChoices } from './service-choices';
import { activeServiceGroups } from './transfer-choices';

const PRIORITY: Array<{ id: string; label: MessageKey }> = [
  { id: 'none', label: 'issue.priority.none' },
  { id: 'elderly', label: 'issue.priority.elderly' },
  { id: 'disabled', label: 'issue.priority.disabled' },
  { id: 'pregnant', label: 'issue.priority.pregnant' },
  { id: 'military', label: 'issue.priority.military' },
];

export function IssueTicket({ config, today }: { config: HallConfig; today: string }) {
  const { t, lang } = useI18n();
  const { run, error, busy } = useAction();
  // The services as a list of choices grouped by module, as in the transfer dialog, not a
  // drop-down: a long name wraps whole instead of being cut at the edge of a closed select.
  const groups = activeServiceGroups(config);
  const offered = groups.flatMap((g) => g.services);
  const [chosen, setServiceId] = useState(offered[0]?.id ?? '');
  // A service made inactive meanwhile is no longer offered: the first one is chosen instead.
  const serviceId = offered.some((s) => s.id === chosen) ? chosen : (offered[0]?.id ?? '');
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
        <ServiceChoices
          groups={groups}
          legend={t('issue.service')}
          name="issue-service"
          className="issue-services"
          testId="issue-services"
          choiceTestId="issue-service-"
          selected={serviceId}
          onChoose={setServiceId}
          note={(s) => (s.closedOn === today ? <span className="muted"> {t('issue.closed')}</span> : null)}
        />
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
