import type { Lang } from '@hallq/shared';
import { formatOpeningHours, waitLine } from '../common/format';
import { localized } from '../i18n';
import type { Translate } from '../i18n';
import type { PublicHall, PublicHallService } from './hall-api';
import { SlotPicker } from './slot-picker';

interface Props {
  t: Translate;
  lang: Lang;
  hall: PublicHall;
  service: PublicHallService;
  booking: boolean;
  busy: boolean;
  onToggleBooking: () => void;
  onBook: (start: string) => void;
  onRemote: () => void;
}

/** One service: live wait, documents to bring, and what can be done from home. */
export function ServiceCard({ t, lang, hall, service, booking, busy, onToggleBooking, onBook, onRemote }: Props) {
  const titleId = `svc-${service.id}`;
  return (
    <article className="hall-service" aria-labelledby={titleId} data-testid={`hall-service-${service.id}`}>
      <h3 id={titleId}>{localized(service.name, lang)}</h3>
      <p className="hall-wait">
        {service.acceptingTickets ? waitLine(t, service.waiting, service.estimatedWaitSeconds, service.estimatedWaitRange) : t(`closed_${service.closedReason ?? 'service_closed'}` as const)}
      </p>
      <p className="hall-hours">{t('hours', { hours: formatOpeningHours(t, service.openingHours) })}</p>
      <details>
        <summary>{t('checklistTitle')}</summary>
        {service.guide.zh && <p>{localized(service.guide, lang)}</p>}
        {service.documents.length === 0 ? (
          <p>{t('noDocuments')}</p>
        ) : (
          <ol>
            {service.documents.map((d) => (
              <li key={d.zh}>{localized(d, lang)}</li>
            ))}
          </ol>
        )}
      </details>
      <div className="hall-actions">
        {service.bookable && (
          <button type="button" className="phone-secondary" data-testid={`book-${service.id}`} aria-expanded={booking} onClick={onToggleBooking}>
            {t('bookingStart')}
          </button>
        )}
        {service.remote && (
          <button type="button" className="phone-primary" data-testid={`remote-${service.id}`} disabled={busy} onClick={onRemote}>
            {t('remoteTake')}
          </button>
        )}
      </div>
      {booking && <SlotPicker t={t} hall={hall} service={service} busy={busy} onBook={onBook} />}
    </article>
  );
}
