import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Lang } from '@hallq/shared';
import { formatOpeningHours } from '../common/format';
import { localized, translator } from '../i18n';
import { BookingCard } from './booking-card';
import { hallApi, HallApiError, type Booking, type PublicHall } from './hall-api';
import { ServiceCard } from './service-card';

interface Props {
  hallId: string;
  initialLang: Lang;
  bookingCode: string | null;
}

const REFRESH_MS = 30_000;

/** The public hall page: decide from home whether and when to come, book, or take a place. */
export function HallApp({ hallId, initialLang, bookingCode }: Props) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [hall, setHall] = useState<PublicHall | null>(null);
  const [missing, setMissing] = useState(false);
  const [booking, setBooking] = useState<Booking | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = (): void => {
      hallApi.hall(hallId).then(
        (h) => live && setHall(h),
        (e: unknown) => live && e instanceof HallApiError && e.status === 404 && setMissing(true),
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [hallId]);

  useEffect(() => {
    if (bookingCode) hallApi.booking(bookingCode).then((r) => setBooking(r.booking), () => setError('bookingNotFound'));
  }, [bookingCode]);

  const act = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof HallApiError && e.code === 'slot_full' ? 'bookingFull' : 'actionFailed');
    } finally {
      setBusy(false);
    }
  }, []);

  const book = (serviceId: string, start: string): void =>
    void act(async () => {
      const r = await hallApi.book(hallId, serviceId, start);
      setBooking(r.booking);
      setOpen(null);
      window.history.replaceState(null, '', `${window.location.pathname}?booking=${r.booking.code}${lang === 'en' ? '&lang=en' : ''}`);
      window.scrollTo(0, 0);
    });
  const remote = (serviceId: string): void =>
    void act(async () => {
      const r = await hallApi.remote(hallId, serviceId, lang);
      window.location.assign(`${new URL(r.ticket.statusUrl).pathname}${lang === 'en' ? '?lang=en' : ''}`);
    });
  const cancel = (code: string): void =>
    void act(async () => {
      setBooking((await hallApi.cancel(code)).booking);
    });

  const langSwitch = (
    <button type="button" className="phone-lang" data-testid="switch-lang" onClick={() => setLang((l) => (l === 'zh' ? 'en' : 'zh'))}>
      {t('switchLang')}
    </button>
  );
  if (!hall) {
    return (
      <div className="phone" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <header className="phone-header">{langSwitch}</header>
        <main>
          <h1 className="phone-message">{missing ? t('hallNotFound') : t('loading')}</h1>
        </main>
      </div>
    );
  }
  return (
    <div className="phone hall-page" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="hall-page">
      <header className="phone-header">
        <h1 className="phone-hall">{localized(hall.name, lang)}</h1>
        {langSwitch}
      </header>
      <main className="hall-main">
        <p className={`hall-open${hall.openNow ? '' : ' closed'}`}>
          {hall.openNow ? t('hallOpenNow') : t('hallClosedNow')} · {t('hours', { hours: formatOpeningHours(t, hall.openingHours) })}
        </p>
        {hall.holidays.length > 0 && <p className="hall-holidays">{t('hallClosures', { dates: hall.holidays.slice(0, 5).join('、') })}</p>}
        {hall.notices.map((n) => (
          <p key={n.zh} className="hall-notice">
            {localized(n, lang)}
          </p>
        ))}
        {booking && <BookingCard t={t} lang={lang} hall={hall} booking={booking} busy={busy} onCancel={() => cancel(booking.code)} />}
        {error && (
          <p className="phone-error" role="alert" data-testid="hall-error">
            {t(error as 'actionFailed')}
          </p>
        )}
        {hall.modules.map((m) => {
          const services = hall.services.filter((s) => s.moduleId === m.id);
          if (services.length === 0) return null;
          return (
            <section key={m.id} className="hall-module" aria-labelledby={`mod-${m.id}`}>
              <h2 id={`mod-${m.id}`}>{localized(m.name, lang)}</h2>
              {services.map((s) => (
                <ServiceCard
                  key={s.id}
                  t={t}
                  lang={lang}
                  hall={hall}
                  service={s}
                  booking={open === s.id}
                  busy={busy}
                  onToggleBooking={() => setOpen((o) => (o === s.id ? null : s.id))}
                  onBook={(start) => book(s.id, start)}
                  onRemote={() => remote(s.id)}
                />
              ))}
            </section>
          );
        })}
      </main>
      <footer className="phone-footer">{t('noPersonalData')}</footer>
    </div>
  );
}
