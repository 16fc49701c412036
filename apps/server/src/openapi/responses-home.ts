// Answers of the visitors-from-home routes: the public hall page, slots, bookings, arrival code.
import { BookingSlotsSchema } from '@hallq/shared';
import { array, bool, int, nullable, obj, oneOfValues, ref, str, time, localDate } from './json';
import { fromZod, type JsonSchema } from './schemas';

export function homeSchemas(): Record<string, JsonSchema> {
  return {
    BookingSlots: { ...fromZod(BookingSlotsSchema), description: 'booking slots of a service in local time; days 1 = Monday .. 7 = Sunday' },
    PublicHallService: obj({
      id: str(), code: str(), name: ref('LocalizedText'), moduleId: str(), guide: ref('ServiceGuide'), documents: array(ref('LocalizedText')),
      acceptingTickets: bool('a ticket can be taken now'),
      closedReason: oneOfValues(['hall_closed', 'service_closed', 'quota_reached'], 'why no ticket can be taken now'),
      waiting: int(), estimatedWaitSeconds: nullable(int('wait of a ticket taken now')), estimatedWaitRange: nullable(ref('WaitRange')),
      bookable: bool('slots can be booked'), remote: bool('a place can be taken from home now'), openingHours: ref('OpeningHours'),
    }, ['closedReason']),
    PublicHall: obj({
      id: str(), name: ref('LocalizedText'), timezone: str(), arrivalCodeRequired: bool(), openingHours: ref('OpeningHours'),
      today: localDate('today in the hall\'s timezone'), openNow: bool(), holidays: array(localDate(), 'closures from today on'),
      notices: array(ref('LocalizedText')), services: array(ref('PublicHallService')), modules: array(ref('Module')),
    }, [], 'what a visitor needs to decide whether and when to come; no staff or device data'),
    Slot: obj({ start: time(), end: time(), capacity: int(), available: int('places left; 0 once the slot has started') }),
    Booking: obj({
      code: str('8 digits, typed on the kiosk keypad to check in'), hallId: str(), serviceId: str(), start: time(), end: time(),
      status: oneOfValues(['booked', 'checked_in', 'cancelled']), statusUrl: str('the public hall page showing this booking'),
      canCancel: bool('booked and the slot has not started'),
    }),
    ArrivalCode: obj({ code: str('4 digits shown on the hall displays'), validUntil: time('when the next code replaces it') }),
    PushKey: obj({ publicKey: nullable(str('VAPID public key (base64url) for PushManager.subscribe')) }),
  };
}
