import type { HallConfig, Lang, ServiceQueueView } from '@hallq/shared';
import type { Translate } from '../i18n';
import { localized } from '../i18n';

interface Props {
  t: Translate;
  lang: Lang;
  hall: HallConfig;
  queues: Map<string, ServiceQueueView>;
  disabled: boolean;
  onModule: (moduleId: string) => void;
  onCheckin: () => void;
}

/** Start screen: the hall's modules as big tiles, and appointment check-in. */
export function ModuleScreen({ t, lang, hall, queues, disabled, onModule, onCheckin }: Props) {
  const modules = hall.modules.filter((m) => hall.services.some((s) => s.moduleId === m.id && s.active));
  return (
    <main className="screen module-screen">
      <h2 className="screen-title">{t('chooseModule')}</h2>
      <div className="tile-grid">
        {modules.map((m) => {
          const waiting = hall.services
            .filter((s) => s.moduleId === m.id)
            .reduce((sum, s) => sum + (queues.get(s.id)?.waiting ?? 0), 0);
          return (
            <button type="button" key={m.id} className="tile module-tile" data-testid={`module-${m.id}`} disabled={disabled} onClick={() => onModule(m.id)}>
              <span className="tile-name">{localized(m.name, lang)}</span>
              {queues.size > 0 && <span className="tile-sub">{t('waitingCount', { n: waiting })}</span>}
            </button>
          );
        })}
      </div>
      <button type="button" className="checkin-button" data-testid="checkin" disabled={disabled} onClick={onCheckin}>
        {t('checkinButton')}
      </button>
    </main>
  );
}
