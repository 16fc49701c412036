// The tickets this window may serve, in calling order, waits coloured against the target.
import { waitMinutesText, type HallConfig, type WaitRange } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { WindowQueueRow } from '../../lib/queue';
import { targetFor } from '../../lib/queue';
import { formatDuration, secondsSince, waitLevel } from '../../lib/wait-colour';
import { ScrollTable } from '../../components/table-scroll';

interface Props {
  config: HallConfig;
  rows: ReadonlyArray<WindowQueueRow>;
  now: number;
  estimateOf(ticketId: string): number | null;
  /** The ticket's range, shown as the visitor's phone shows it; null without one. */
  rangeOf(ticketId: string): WaitRange | null;
  canCall: boolean;
  onCall(ticketId: string, number: string): void;
}

export function WaitingList({ config, rows, now, estimateOf, rangeOf, canCall, onCall }: Props) {
  const { t, pick, lang } = useI18n();
  return (
    <section className="card waiting" data-testid="waiting-list">
      <h2>
        {t('counter.waitingList')} <span className="count">{rows.filter((r) => r.servable).length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('counter.waitingEmpty')}</p>
      ) : (
        <ScrollTable label={t('counter.waitingList')} headers={[t('counter.number'), t('counter.service'), t('counter.waited'), t('counter.estimate'), null]}>
          {rows.map(({ ticket, servable }) => {
            const service = config.services.find((s) => s.id === ticket.serviceId);
            const waited = secondsSince(ticket.issuedAt, now);
            const level = waitLevel(waited, targetFor(service, config.waitTargetSeconds));
            const stage = service?.stages?.[ticket.stage ?? 0];
            return (
              <tr key={ticket.id} className={servable ? '' : 'unavailable'} data-testid={`waiting-${ticket.number}`}>
                <td className="num">
                  {ticket.number}
                  {ticket.priority && <span className="badge priority">{t('counter.priority')}</span>}
                  {ticket.appointmentCode && <span className="badge">{t('counter.appointment')}</span>}
                </td>
                <td>
                  {pick(service?.name)}
                  {service && service.stages?.length > 1 && stage ? ` · ${pick(stage.name)}` : ''}
                  {!servable && <span className="badge officers">{t('counter.officersOnly')}</span>}
                </td>
                <td className={`wait wait-${level}`} data-level={level}>
                  {formatDuration(waited)}
                </td>
                <td className="wait-shown" data-testid={`estimate-${ticket.number}`}>
                  {waitMinutesText(lang, estimateOf(ticket.id), rangeOf(ticket.id)) ?? '—'}
                </td>
                <td>
                  {servable && canCall && (
                    <button type="button" className="btn-small" onClick={() => onCall(ticket.id, ticket.number)}>
                      {t('counter.callThis')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      )}
    </section>
  );
}
