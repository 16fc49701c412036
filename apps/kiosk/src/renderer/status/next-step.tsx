// What the phone says the visitor should do next, in each state: while waiting, who is counted
// ahead and why a transferred or requeued ticket waits again; when called, which window and how
// long it holds the number; after a no-show, the hall's rule; cancelled and expired, what now.
import type { Lang, PublicTicketStatus } from '@hallq/shared';
import type { Translate } from '../i18n';
import { localized } from '../i18n';
import { peopleAheadText, waitMinutes, waitText } from '../common/format';

interface Props {
  t: Translate;
  lang: Lang;
  ticket: PublicTicketStatus;
  now: number;
  busy: boolean;
  onRequeue: () => void;
}

const clock = (iso: string): string => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

export function NextStep({ t, lang, ticket, now, busy, onRequeue }: Props) {
  switch (ticket.status) {
    case 'waiting':
      return (
        <div className="phone-figures">
          {ticket.peopleAhead !== null && (
            <>
              <p className="phone-ahead" data-testid="people-ahead">
                {peopleAheadText(t, ticket.peopleAhead)}
              </p>
              <p className="phone-note" data-testid="people-ahead-meaning">
                {t('peopleAheadMeaning')}
              </p>
            </>
          )}
          <p data-testid="estimated-wait">
            {waitText(t, ticket.estimatedWaitSeconds, ticket.estimatedWaitRange)}
          </p>
          {ticket.transferredFrom && (
            <p className="phone-step" data-testid="transferred">
              {ticket.transferredFrom.serviceId === ticket.serviceId && ticket.stageName
                ? t('transferredStageNote', { stage: localized(ticket.stageName, lang) })
                : t('transferredNote', { from: localized(ticket.transferredFrom.serviceName, lang), to: localized(ticket.serviceName, lang) })}
              {ticket.transferredFrom.serviceId !== ticket.serviceId && ticket.stageName && ` ${t('stageLabel', { stage: localized(ticket.stageName, lang) })}`}
            </p>
          )}
          {ticket.requeued && (
            <p className="phone-step" data-testid="requeued">
              {t('requeuedNote')}
            </p>
          )}
        </div>
      );
    case 'called': {
      const held = ticket.heldUntil === null ? null : Date.parse(ticket.heldUntil);
      return (
        <div className="phone-figures">
          {ticket.recalledAt && <p className="phone-step">{t('recalledNote')}</p>}
          {held !== null && (
            <p className="phone-step" data-testid="held-until">
              {held > now ? t('heldUntil', { time: clock(ticket.heldUntil!), m: Math.max(1, waitMinutes((held - now) / 1000)) }) : t('heldNow')}
            </p>
          )}
        </div>
      );
    }
    case 'no_show':
      if (ticket.canRequeue) {
        return (
          <div className="phone-figures">
            <p className="phone-step" data-testid="no-show-next">
              {t('noShowRequeue')}
            </p>
            <button type="button" className="phone-primary" data-testid="requeue" disabled={busy} onClick={onRequeue}>
              {t('requeueButton')}
            </button>
          </div>
        );
      }
      return (
        <p className="phone-step" data-testid="no-show-next">
          {ticket.noShowRule === 'requeue_once' && ticket.requeued ? t('noShowRequeueUsed') : t('noShowNewTicket')}
        </p>
      );
    case 'cancelled':
      return (
        <p className="phone-step" data-testid="cancelled-next">
          {t('cancelledDetail')}
        </p>
      );
    case 'expired':
      return (
        <p className="phone-error" role="alert" data-testid="expired">
          {t('expiredDetail')}
        </p>
      );
    default:
      return null;
  }
}
