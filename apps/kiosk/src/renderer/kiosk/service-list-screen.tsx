import type { HallConfig, Lang, ServiceQueueView } from '@hallq/shared';
import type { Translate } from '../i18n';
import { localized } from '../i18n';
import { formatOpeningHours, waitLine } from '../common/format';

interface Props {
  t: Translate;
  lang: Lang;
  hall: HallConfig;
  moduleId: string;
  queues: Map<string, ServiceQueueView>;
  disabled: boolean;
  onService: (serviceId: string) => void;
}

/** The services of one module, each with its live queue ("等候 N 人 · 约 M 分钟") or why it takes no ticket now. */
export function ServiceListScreen({ t, lang, hall, moduleId, queues, disabled, onService }: Props) {
  const module = hall.modules.find((m) => m.id === moduleId);
  const services = hall.services.filter((s) => s.moduleId === moduleId && s.active);
  return (
    <main className="screen service-list-screen">
      <h2 className="screen-title">
        {module ? localized(module.name, lang) : ''} · {t('chooseService')}
      </h2>
      <div className="tile-grid">
        {services.map((s) => {
          const q = queues.get(s.id);
          // Closed for the day or over its quota: greyed with the reason, never offered then refused.
          const closed = q?.acceptingTickets === false;
          return (
            <button
              type="button"
              key={s.id}
              className={`tile service-tile${closed ? ' tile-closed' : ''}`}
              data-testid={`service-${s.id}`}
              data-closed={closed ? (q.closedReason ?? 'service_closed') : undefined}
              disabled={disabled || closed}
              aria-disabled={disabled || closed}
              onClick={() => onService(s.id)}
            >
              <span className="tile-name">{localized(s.name, lang)}</span>
              {closed ? (
                <>
                  <span className="tile-sub tile-closed-reason">{t(`closed_${q.closedReason ?? 'service_closed'}` as const)}</span>
                  {q.closedReason === 'service_closed' && s.openingHours && (
                    <span className="tile-sub tile-closed-hours">{t('hours', { hours: formatOpeningHours(t, s.openingHours) })}</span>
                  )}
                </>
              ) : (
                q && <span className="tile-sub">{waitLine(t, q.waiting, q.estimatedWaitSeconds, q.estimatedWaitRange)}</span>
              )}
            </button>
          );
        })}
      </div>
    </main>
  );
}
