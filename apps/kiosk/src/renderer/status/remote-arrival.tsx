import { useState } from 'react';
import type { PublicTicketStatus } from '@hallq/shared';
import type { Translate } from '../i18n';

interface Props {
  t: Translate;
  ticket: PublicTicketStatus;
  busy: boolean;
  failed: boolean;
  onArrive: (arrivalCode: string) => void;
}

const clock = (iso: string): string => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * A ticket taken from home is called only once its holder is in the hall: the phone asks for the
 * arrival code shown on the hall's screens (or the visitor scans this page's QR at the kiosk).
 */
export function RemoteArrival({ t, ticket, busy, failed, onArrive }: Props) {
  const [code, setCode] = useState('');
  if (ticket.arrived) {
    return (
      <p className="phone-remote phone-arrived" data-testid="arrived">
        {t('remoteArrived')}
      </p>
    );
  }
  return (
    <section className="phone-remote" aria-labelledby="remote-title" data-testid="remote-arrival">
      <h2 id="remote-title" className="phone-remote-title">
        {t('remoteTitle')}
      </h2>
      {ticket.expiresAt && (
        <p className="phone-passed" role="alert" data-testid="passed-over">
          {t('remotePassedOver', { time: clock(ticket.expiresAt) })}
        </p>
      )}
      <p>{t('remoteHint')}</p>
      <form
        className="phone-arrive-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) onArrive(code.trim());
        }}
      >
        <label htmlFor="arrival-code">{t('arrivalCodeLabel')}</label>
        <input
          id="arrival-code"
          data-testid="arrival-code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
        <button type="submit" className="phone-primary" data-testid="arrive" disabled={busy || code.length === 0}>
          {t('arriveSubmit')}
        </button>
      </form>
      {failed && (
        <p className="phone-error" role="alert" data-testid="arrive-failed">
          {t('arrivalCodeWrong')}
        </p>
      )}
    </section>
  );
}
