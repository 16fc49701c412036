import type { HallConfig } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { FOLLOW_UPS_SECTION } from '../../lib/alerts';
import type { Alert } from '../../lib/alerts';
import { hrefOf, navigate } from '../../lib/router';
import { formatDuration } from '../../lib/wait-colour';

export function AlertsPanel({ alerts, config }: { alerts: ReadonlyArray<Alert>; config: HallConfig }) {
  const { t, pick } = useI18n();
  const service = (id: string) => pick(config.services.find((s) => s.id === id)?.name) || id;
  const windowNumber = (id: string | null) => (id ? config.windows.find((w) => w.id === id)?.number : undefined);
  const text = (a: Alert): string => {
    switch (a.kind) {
      case 'wait-over':
      case 'wait-warn':
        return t(`board.alert.${a.kind}`, { number: a.number, service: service(a.serviceId), waited: formatDuration(a.waitedSeconds), target: formatDuration(a.targetSeconds) });
      case 'window-idle':
        return t('board.alert.window-idle', { n: a.windowNumber, queued: a.queued });
      case 'device-fault':
        return t('board.alert.device-fault', { name: a.name, state: t(`printer.${a.printerState}` as MessageKey) });
      case 'printer-warning':
        return t(`board.alert.printer-warning.${a.printerWarning}`, { name: a.name });
      case 'device-away':
        return a.awaySeconds === null ? t('board.alert.device-never', { name: a.name }) : t('board.alert.device-away', { name: a.name, away: formatDuration(a.awaySeconds) });
      case 'bad-rating': {
        const n = windowNumber(a.windowId);
        return t('board.alert.bad-rating', {
          number: a.number,
          service: service(a.serviceId),
          window: n === undefined ? '' : t('board.alert.bad-rating.window', { n }),
          level: t(`reports.level.${a.level}` as MessageKey),
        });
      }
      case 'follow-up-overdue':
        return t('board.alert.follow-up-overdue', { number: a.number, deadline: a.deadline });
    }
  };
  return (
    <section className="card alerts" data-testid="board-alerts" aria-live="polite">
      <h2>
        {t('board.alerts')} <span className="count">{alerts.length}</span>
      </h2>
      {alerts.length === 0 ? (
        <p className="muted">{t('board.noAlerts')}</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.key} className={`alert alert-${a.kind}`} data-kind={a.kind}>
              {text(a)}
              {a.kind === 'follow-up-overdue' && (
                <a
                  href={hrefOf('/reports', FOLLOW_UPS_SECTION)}
                  data-testid="follow-up-link"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate('/reports', false, FOLLOW_UPS_SECTION);
                  }}
                >
                  {t('board.alert.follow-up-open')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
