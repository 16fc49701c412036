import { useEffect, useMemo, useRef, useState } from 'react';
import { RATING_LABELS } from '@hallq/shared';
import type { Lang, RatingLevel } from '@hallq/shared';
import { localized, translator } from '../i18n';
import { alertCalled, unlockSound } from './call-alert';
import { NextStep } from './next-step';
import { RatingForm } from './rating-form';
import { useNow } from './use-now';
import { RemoteArrival } from './remote-arrival';
import { PushOptIn } from './push-opt-in';
import { useTicketStatus } from './use-ticket-status';

interface Props {
  publicId: string;
  initialLang: Lang;
}

/** The visitor's phone: live number, people ahead, wait; "请到 N 号窗口" when called. */
export function StatusApp({ publicId, initialLang }: Props) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const { phase, ticket, connectionLost, live, changeCount, refresh, api } = useTicketStatus(publicId);
  const now = useNow(ticket?.status === 'called' ? 15_000 : null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [soundOn, setSoundOn] = useState(false);
  const alerted = useRef<string | null>(null);

  // Alert once per call, and again on each recall.
  useEffect(() => {
    if (ticket?.status !== 'called') return;
    const key = `${ticket.calledAt ?? 'called'}|${ticket.recalledAt ?? ''}`;
    if (alerted.current === key) return;
    alerted.current = key;
    alertCalled();
  }, [ticket?.status, ticket?.calledAt, ticket?.recalledAt]);

  const act = async (path: string, body: unknown): Promise<void> => {
    setBusy(true);
    setFailed(false);
    try {
      await api.post(`/public/tickets/${encodeURIComponent(publicId)}/${path}`, body);
      setConfirming(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const langSwitch = (
    <button type="button" className="phone-lang" data-testid="switch-lang" onClick={() => setLang((l) => (l === 'zh' ? 'en' : 'zh'))}>
      {t('switchLang')}
    </button>
  );

  if (phase !== 'ok' || !ticket) {
    return (
      <div className="phone" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <header className="phone-header">{langSwitch}</header>
        <main>
          <h1 className="phone-message" data-testid={phase === 'not_found' ? 'not-found' : 'loading'}>
            {phase === 'not_found' ? t('ticketNotFound') : connectionLost ? t('connectionLost') : t('loading')}
          </h1>
        </main>
      </div>
    );
  }

  const called = ticket.status === 'called' && ticket.windowNumber !== null;
  return (
    <div className={`phone status-${ticket.status}`} lang={lang === 'zh' ? 'zh-CN' : 'en'} data-status={ticket.status}>
      <header className="phone-header">
        <span className="phone-hall">{localized(ticket.hallName, lang)}</span>
        {langSwitch}
      </header>
      {connectionLost ? (
        <p className="phone-offline" role="status">
          {t('connectionLost')}
        </p>
      ) : (
        <p className={`phone-live${live ? ' phone-live-on' : ''}`} role="status" data-testid="live">
          {live ? t('liveOn') : t('liveOff')}
        </p>
      )}
      <main className="phone-card" key={changeCount} data-changed={changeCount > 0}>
        <h1 className="phone-label">{t('statusTitle')}</h1>
        <p className="phone-number" data-testid="number">
          {ticket.number}
        </p>
        <p className="phone-service">{localized(ticket.serviceName, lang)}</p>
        {called ? (
          <p className="phone-called" role="alert" data-testid="called">
            {t('calledBig', { n: ticket.windowNumber ?? '' })}
          </p>
        ) : (
          <p className="phone-status" data-testid="status">
            {t(`status_${ticket.status}` as const)}
          </p>
        )}
        <NextStep t={t} lang={lang} ticket={ticket} now={now} busy={busy} onRequeue={() => void act('requeue', {})} />
      </main>
      {ticket.remote === true && ticket.status === 'waiting' && (
        <RemoteArrival t={t} ticket={ticket} busy={busy} failed={failed} onArrive={(arrivalCode) => void act('arrive', { arrivalCode })} />
      )}
      {ticket.status === 'waiting' && <PushOptIn t={t} publicId={publicId} />}
      {ticket.status === 'waiting' && (
        <button
          type="button"
          className="phone-secondary"
          data-testid="sound"
          disabled={soundOn}
          onClick={() => setSoundOn(unlockSound())}
        >
          {soundOn ? t('soundOn') : t('enableSound')}
        </button>
      )}
      {ticket.canCancel &&
        (confirming ? (
          <div className="phone-confirm" role="alertdialog" aria-labelledby="phone-confirm-question">
            <p id="phone-confirm-question">{t('confirmCancel')}</p>
            <button type="button" className="phone-danger" data-testid="cancel-confirm" disabled={busy} onClick={() => void act('cancel', {})}>
              {t('confirmYes')}
            </button>
            {/* The safe choice has focus: the button that opened the question is gone. */}
                <button type="button" className="phone-secondary" autoFocus onClick={() => setConfirming(false)}>
              {t('confirmNo')}
            </button>
          </div>
        ) : (
          <button type="button" className="phone-secondary" data-testid="cancel" onClick={() => setConfirming(true)}>
            {t('cancelTicket')}
          </button>
        ))}
      {ticket.canRate && <RatingForm t={t} lang={lang} busy={busy} onSubmit={(level, reason) => void act('rating', reason ? { level, reason } : { level })} />}
      {ticket.rating !== null && (
        <p className="phone-rated" data-testid="rated">
          {t('ratingThanks')} · {t('yourRating', { label: localized(RATING_LABELS[ticket.rating as RatingLevel], lang) })}
        </p>
      )}
      {failed && !(ticket.remote === true && ticket.status === 'waiting' && !ticket.arrived) && (
        <p className="phone-error" role="alert">
          {t('actionFailed')}
        </p>
      )}
      <footer className="phone-footer">
        {ticket.hallId && (
          <p>
            <a href={`/h/${encodeURIComponent(ticket.hallId)}${lang === 'en' ? '?lang=en' : ''}`} data-testid="hall-link">
              {t('hallLink')}
            </a>
          </p>
        )}
        {t('noPersonalData')}
      </footer>
    </div>
  );
}
