import { waitMinutesText, type HallConfig, type Lang, type ServiceQueueView } from '@hallq/shared';
import { AutoPager } from '../components/auto-pager';
import { messages, otherLang } from '../i18n/lang';
import { waitingByService, type HallState } from '../feed/hall-state';

/** The wait as the phone shows it: the range where one is known, else the single figure. */
const waitOf = (lang: Lang, v: ServiceQueueView | undefined): string | null => (v ? waitMinutesText(lang, v.estimatedWaitSeconds, v.estimatedWaitRange) : null);

/**
 * Waiting counts and the current estimated wait, per module and per service with a queue; pages
 * by itself when every service has a queue and they do not all fit.
 */
export function QueueSummary({ hall, state, lang, pageSeconds }: { hall: HallConfig; state: HallState; lang: Lang; pageSeconds: number }) {
  const m = messages(lang);
  const o = messages(otherLang(lang));
  const counts = waitingByService(state);
  const estimate = new Map(state.services.map((s) => [s.serviceId, s]));
  return (
    <section className="panel queues">
      <h2>
        {m.queues} <small>{o.queues}</small>
      </h2>
      <AutoPager seconds={pageSeconds} className="module-list" testId="queues">
        {hall.modules.flatMap((mod) => {
          const services = hall.services.filter((s) => s.moduleId === mod.id && s.active);
          const waiting = services.reduce((n, s) => n + (counts.get(s.id) ?? 0), 0);
          // The module's wait: that of its longest-waiting service with a queue.
          const longest = services
            .filter((s) => (counts.get(s.id) ?? 0) > 0)
            .map((s) => estimate.get(s.id))
            .reduce<ServiceQueueView | undefined>((a, v) => (v?.estimatedWaitSeconds == null ? a : a === undefined || v.estimatedWaitSeconds > a.estimatedWaitSeconds! ? v : a), undefined);
          const modWait = waitOf(lang, longest);
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
              <span className="module-wait" data-testid={`module-wait-${mod.id}`}>
                {waiting > 0 ? (modWait ?? m.noEstimate) : ''}
              </span>
            </div>,
            ...services
              .filter((s) => (counts.get(s.id) ?? 0) > 0)
              .map((s) => {
                const wait = waitOf(lang, estimate.get(s.id));
                return (
                  <div className="service-row" key={s.id} data-service={s.id} data-group={mod.id}>
                    <span className="service-name">{s.name[lang]}</span>
                    <span>
                      {m.waiting} {counts.get(s.id)}
                    </span>
                    <span className="service-wait" data-testid={`service-wait-${s.id}`}>
                      {m.estimatedWait} {wait ?? m.noEstimate}
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
