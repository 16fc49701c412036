import type { Lang } from '@hallq/shared';
import { formatLocalTime } from '../common/format';
import { QrCode } from '../common/qr-code';
import { localized } from '../i18n';
import type { Translate } from '../i18n';
import type { Booking, PublicHall } from './hall-api';

interface Props {
  t: Translate;
  lang: Lang;
  hall: PublicHall;
  booking: Booking;
  busy: boolean;
  onCancel: () => void;
}

/** The visitor's booking: the code to type at the kiosk and the QR to show its camera. */
export function BookingCard({ t, lang, hall, booking, busy, onCancel }: Props) {
  const service = hall.services.find((s) => s.id === booking.serviceId);
  return (
    <section className="phone-card booking-card" aria-labelledby="booking-title" data-testid="booking-card" data-status={booking.status}>
      <h2 id="booking-title" className="phone-label">
        {t('bookingTitle')}
      </h2>
      <p className="phone-number booking-code" data-testid="booking-code">
        {booking.code}
      </p>
      {service && <p className="phone-service">{localized(service.name, lang)}</p>}
      <p data-testid="booking-slot">
        {formatLocalTime(booking.start, hall.timezone)}–{formatLocalTime(booking.end, hall.timezone).slice(11)}
      </p>
      <p className="phone-status" data-testid="booking-status">
        {t(`booking_${booking.status}` as const)}
      </p>
      {booking.status === 'booked' && (
        <>
          <QrCode payload={booking.statusUrl} size={220} label={t('bookingQr')} />
          <p>{t('bookingHowTo')}</p>
        </>
      )}
      {booking.canCancel && (
        <button type="button" className="phone-secondary" data-testid="booking-cancel" disabled={busy} onClick={onCancel}>
          {t('bookingCancel')}
        </button>
      )}
    </section>
  );
}
