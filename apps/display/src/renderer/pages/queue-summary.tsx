import type { HallConfig, Lang } from '@hallq/shared';
import { AutoPager } from '../components/auto-pager';
import { messages, otherLang } from '../i18n/lang';
import { waitingByService, type HallState } from '../feed/hall-state';

const minutes = (s: number | null | undefined): number | null => (s === null || s === undefined ? null : Math.max(1, Math.round(s / 60)));

/**
 * Waiting counts and the current estimated wait, per module and per service with a queue; pages
 * by itself when every service has a queue and they do not all fit.
 */
export function QueueSummary({ hall, state, lang, pageSeconds }: { hall: HallConfig; state: HallState; lang: Lang; pageSeconds: number }) {
  const m = messages(lang);
  const o = messages(otherLang(lang));
  const counts = waitingByService(state);
  const estimate = new Map(state.services.map((s) => [s.serviceId, s.estimatedWaitSeconds]));
  return (
    <section className="panel queues">
      <h2>
        {m.queues} <small>{o.queues}</small>
      </h2>
      <AutoPager seconds={pageSeconds} className="module-list" testId="queues">
        {hall.modules.flatMap((mod) => {
          const services = hall.services.filter((s) => s.moduleId === mod.id && s.active);
          const waiting = services.reduce((n, s) => n + (counts.get(s.id) ?? 0), 0);
          const waits = services.filter((s) => (counts.get(s.id) ?? 0) > 0).map((s) => estimate.get(s.id) ?? null);
          const known = waits.filter((w): w is number => w !== null);
          const modWait = known.length ? minutes(Math.max(...known)) : null;
          // One flat list (module line, then its services) so pages break between lines.
          return [
            <div className="module-head" key={mod.id} data-module={mod.id} data-group={mod.id}>
              <span className="module-name">
                {mod.name[lang]}
                <small>{mod.name[otherLang(lang)]}</small>
              </span>
              <span className="module-waiting">
                {waiting}
                <small>{m.people}</small>
              </span>
              <span className="module-wait">{waiting > 0 ? (modWait !== null ? `≈${modWait}${m.minutes}` : m.noEstimate) : ''}</span>
            </div>,
            ...services
              .filter((s) => (counts.get(s.id) ?? 0) > 0)
              .map((s) => {
                const mins = minutes(estimate.get(s.id));
                return (
                  <div className="service-row" key={s.id} data-service={s.id} data-group={mod.id}>
                    <span className="service-name">{s.name[lang]}</span>
                    <span>
                      {m.waiting} {counts.get(s.id)}
                    </span>
                    <span>
                      {m.estimatedWait} {mins !== null ? `${mins} ${m.minutes}` : m.noEstimate}
                    </span>
                  </div>
                );
              }),
          ];
        })}
      </AutoPager>
    </section>
  );
}
