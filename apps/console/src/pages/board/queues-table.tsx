// Every service's queue against its target, with close/reopen for the day.
import { waitMinutesText } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { ServiceQueueRow } from '../../lib/board';
import { formatDuration } from '../../lib/wait-colour';
import { ScrollTable } from '../../components/table-scroll';

interface Props {
  rows: ReadonlyArray<ServiceQueueRow>;
  today: string;
  canEdit: boolean;
  onCloseToday(serviceId: string, close: boolean): void;
}

export function QueuesTable({ rows, today, canEdit, onCloseToday }: Props) {
  const { t, pick, lang } = useI18n();
  return (
    <section className="card" data-testid="board-queues">
      <h2>{t('board.queues')}</h2>
      <ScrollTable label={t('board.queues')} headers={[t('board.service'), t('board.waiting'), t('board.longest'), t('board.estimated'), t('board.target'), null]}>
        {rows.map((r) => {
          const closed = r.service.closedOn === today;
          return (
            <tr key={r.service.id} className={`level-${r.level}`} data-testid={`queue-${r.service.code}`} data-level={r.level}>
              <td>
                {r.service.prefix} {pick(r.service.name)}
                {closed && <span className="badge state-closed">{t('board.closedToday')}</span>}
              </td>
              <td className="num">{r.waiting}</td>
              <td className={r.waiting ? `wait wait-${r.waitLevel}` : ''} data-level={r.waitLevel}>
                {r.waiting ? formatDuration(r.longestWaitSeconds) : '—'}
              </td>
              {/* A newcomer's wait as the phone shows it: the range where one is known. */}
              <td className={r.estimatedWaitSeconds !== null ? `wait wait-${r.estimateLevel} wait-shown` : 'wait-shown'} data-testid={`estimate-${r.service.code}`}>
                {waitMinutesText(lang, r.estimatedWaitSeconds, r.estimatedWaitRange) ?? '—'}
              </td>
              <td className="nowrap">{t('common.minutes', { n: Math.round(r.targetSeconds / 60) })}</td>
              <td>
                {canEdit && (
                  <button type="button" className="btn-small" onClick={() => onCloseToday(r.service.id, !closed)}>
                    {closed ? t('board.reopen') : t('board.closeToday')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </ScrollTable>
    </section>
  );
}
