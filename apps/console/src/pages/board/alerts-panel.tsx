import type { HallConfig } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { Alert } from '../../lib/alerts';
import { formatDuration } from '../../lib/wait-colour';

export function AlertsPanel({ alerts, config }: { alerts: ReadonlyArray<Alert>; config: HallConfig }) {
  const { t, pick } = useI18n();
  const service = (id: string) => pick(config.services.find((s) => s.id === id)?.name) || id;
  const text = (a: Alert): string => {
    switch (a.kind) {
      case 'wait-over':
      case 'wait-warn':
        return t(`board.alert.${a.kind}`, { number: a.number, service: service(a.serviceId), waited: formatDuration(a.waitedSeconds), target: formatDuration(a.targetSeconds) });
      case 'window-idle':
        return t('board.alert.window-idle', { n: a.windowNumber, queued: a.queued });
      case 'device-fault':
        return t('board.alert.device-fault', { name: a.name, state: t(`printer.${a.printerState}` as MessageKey) });
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
