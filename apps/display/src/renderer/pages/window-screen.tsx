import { useMemo } from 'react';
import { OfflineBanner } from '../components/offline-banner';
import { useHallFeed } from '../feed/use-hall-feed';
import { useNow } from '../feed/use-now';
import { messages, otherLang, pageLang } from '../i18n/lang';

/** The local date (YYYY-MM-DD) in the hall's timezone. */
function localDate(timezone: string, nowMs: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs);
}

/** The screen above one window (/display/window/:n): number served, services, paused. */
export function WindowScreen({ windowNumber }: { windowNumber: number }) {
  const lang = useMemo(() => pageLang(), []);
  const m = messages(lang);
  const o = messages(otherLang(lang));
  const { hall, state, status } = useHallFeed('display');
  const now = useNow(60_000);
  const win = state?.windows.find((w) => w.number === windowNumber) ?? null;
  // Skills from the hall config (reloaded on every config change), so a change shows at once.
  const skills = hall?.windows.find((w) => w.number === windowNumber)?.skills ?? win?.skills ?? [];
  const today = hall ? localDate(hall.timezone, now) : '';
  const services = skills
    .slice()
    .sort((a, b) => a.tier - b.tier)
    .map((s) => hall?.services.find((x) => x.id === s.serviceId))
    .filter((s) => s !== undefined);
  const paused = win?.state === 'paused';
  const closed = !win || win.state === 'closed';
  const current = win?.state === 'open' ? win.current : null;

  return (
    <div className={`window-screen${paused ? ' paused' : ''}`} data-testid="window-screen" data-state={win?.state ?? 'unknown'}>
      <OfflineBanner status={status} />
      <header className="ws-header">
        <h1 className="ws-number">
          {windowNumber}
          <small>{lang === 'zh' ? '号窗口' : ''}</small>
        </h1>
        <span className="ws-title">
          {lang === 'zh' ? `Window ${windowNumber}` : `${windowNumber}号窗口`}
        </span>
      </header>
      <main className="ws-main">
        {paused ? (
          <div className="ws-paused" data-testid="ws-paused">
            {m.statePaused}
            <small>{o.statePaused}</small>
          </div>
        ) : closed ? (
          <div className="ws-closed">
            {m.stateClosed}
            <small>{o.stateClosed}</small>
          </div>
        ) : current ? (
          <>
            <div className="ws-label">
              {current.status === 'called' ? m.called : m.serving}
              <small>{current.status === 'called' ? o.called : o.serving}</small>
            </div>
            <div className={`ws-ticket${current.status === 'called' ? ' called' : ''}`} data-testid="ws-ticket" key={current.ticketId + current.status}>
              {current.number}
            </div>
          </>
        ) : (
          <div className="ws-idle">
            {m.stateIdle}
            <small>{o.stateIdle}</small>
          </div>
        )}
      </main>
      <footer className="ws-services" data-testid="ws-services">
        <span className="ws-services-label">{m.services}</span>
        {services.map((s) => (
          <span className={`ws-service${s.closedOn === today || !s.active ? ' closed' : ''}`} key={s.id} data-service={s.id}>
            {s.name[lang]}
            {(s.closedOn === today || !s.active) && <small className="ws-service-closed">{m.closedToday}</small>}
          </span>
        ))}
      </footer>
    </div>
  );
}
