import type { Lang, Service } from '@hallq/shared';
import type { Translate } from '../i18n';
import { localized } from '../i18n';
import { peopleAheadText, waitText } from '../common/format';
import { QrCode } from '../common/qr-code';
import type { PrintOutcome } from './ticket-printing';
import type { IssuedTicket } from './take-ticket';
import type { TicketEstimate } from './use-hall-connection';

interface Props {
  t: Translate;
  lang: Lang;
  ticket: IssuedTicket;
  service: Service;
  /** Live figures from the hall feed, when they have arrived. */
  live: TicketEstimate | undefined;
  print: 'printing' | PrintOutcome;
  onDone: () => void;
}

/** The issued ticket: number, service, people ahead, estimated wait, and a QR for the phone. */
export function TicketScreen({ t, lang, ticket, service, live, print, onDone }: Props) {
  const peopleAhead = live?.peopleAhead ?? ticket.peopleAhead;
  const wait = live ? live.estimatedWaitSeconds : ticket.estimatedWaitSeconds;
  const range = live ? live.estimatedWaitRange : ticket.estimatedWaitRange;
  const fault = print !== 'printing' && !print.printed ? print.state : null;
  return (
    <main className={`screen ticket-screen${fault ? ' ticket-screen-fault' : ''}`} data-testid="ticket-screen">
      {/* Two groups: what the ticket says, and what to do with it. Stacked in portrait (the groups
          take no box of their own there); side by side on a landscape screen. */}
      <div className="ticket-main">
        <p className="ticket-label">{t('ticketTitle')}</p>
        <p className="ticket-number" data-testid="ticket-number">
          {ticket.number}
        </p>
        <p className="ticket-service" data-testid="ticket-service">
          {localized(service.name, lang)}
        </p>
        <div className="ticket-figures">
          {peopleAhead !== null && <p data-testid="people-ahead">{peopleAheadText(t, peopleAhead)}</p>}
          <p data-testid="estimated-wait">{waitText(t, wait, range)}</p>
        </div>
        {fault && (
          <div className="printer-fault" role="alert" data-testid="printer-fault">
            <p className="printer-fault-title">{t('printerFaultMessage', { fault: t(`fault_${fault}` as const) })}</p>
            <p>{t('staffNotified')}</p>
          </div>
        )}
      </div>
      <div className="ticket-side">
        <div className={`ticket-qr${fault ? ' ticket-qr-big' : ''}`}>
          <QrCode payload={ticket.statusUrl} size={fault ? 420 : 280} label={t('scanToFollow')} />
          <p>{t('scanToFollow')}</p>
        </div>
        {!fault && (
          <p className="print-status" role="status" data-testid="print-status">
            {print === 'printing' ? t('printing') : t('printed')}
          </p>
        )}
        <button type="button" className="primary-button" data-testid="done" onClick={onDone}>
          {t('done')}
        </button>
      </div>
    </main>
  );
}
