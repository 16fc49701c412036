// The visitor at the window: number, service and stage, waits, and the document checklist.
import type { CurrentTicketView, HallConfig, PublicTicket } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { formatDuration, secondsSince } from '../../lib/wait-colour';

interface Props {
  config: HallConfig;
  current: CurrentTicketView | null;
  ticket: PublicTicket | undefined;
  now: number;
  ticked: ReadonlySet<number>;
  onTick(index: number): void;
}

export function CurrentPanel({ config, current, ticket, now, ticked, onTick }: Props) {
  const { t, pick } = useI18n();
  if (!current) {
    return (
      <section className="card current" data-testid="current-panel">
        <h2>{t('counter.current')}</h2>
        <p className="muted">{t('counter.noCurrent')}</p>
      </section>
    );
  }
  const service = config.services.find((s) => s.id === current.serviceId);
  const stage = service?.stages?.[current.stage];
  const waitedUntil = Date.parse(current.calledAt);
  const waited = ticket ? secondsSince(ticket.issuedAt, Number.isNaN(waitedUntil) ? now : waitedUntil) : null;
  const documents = service?.documents ?? [];
  return (
    <section className="card current" data-testid="current-panel">
      <h2>{t('counter.current')}</h2>
      <div className="current-head">
        <span className="ticket-number" data-testid="current-number">
          {current.number}
        </span>
        <span className={`badge status-${current.status}`} data-testid="current-status">
          {t(`status.${current.status}`)}
        </span>
        {ticket?.priority && <span className="badge priority">{t('counter.priority')}</span>}
      </div>
      <dl className="facts">
        <dt>{t('counter.service')}</dt>
        <dd>{pick(service?.name) || current.serviceId}</dd>
        {stage && (
          <>
            <dt>{t('counter.stage')}</dt>
            <dd>
              {pick(stage.name)}
              {stage.officersOnly && <span className="badge officers"> {t('counter.officersOnly')}</span>}
            </dd>
          </>
        )}
        <dt>{t('counter.waited')}</dt>
        <dd>{formatDuration(waited)}</dd>
        {current.startedAt && (
          <>
            <dt>{t('counter.servingTime')}</dt>
            <dd>{formatDuration(secondsSince(current.startedAt, now))}</dd>
          </>
        )}
      </dl>
      <h3>{t('counter.checklist')}</h3>
      {documents.length === 0 ? (
        <p className="muted">{t('counter.noDocuments')}</p>
      ) : (
        <>
          <ul className="checklist">
            {documents.map((d, i) => (
              <li key={i}>
                <label>
                  <input type="checkbox" checked={ticked.has(i)} onChange={() => onTick(i)} />
                  {pick(d)}
                </label>
              </li>
            ))}
          </ul>
          <p className="muted">{t('counter.checklistDone', { done: ticked.size, total: documents.length })}</p>
        </>
      )}
    </section>
  );
}
