import { ServiceBody } from '@hallq/shared';
import { bookingBodyOf, bookingDraftOf, formatDays, parseDays } from './booking-fields';

describe('booking slots in the service form', () => {
  test('weekday lists: ranges and single days, refused when not 1-7', () => {
    expect(parseDays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('1,3, 5-7')).toEqual([1, 3, 5, 6, 7]);
    for (const bad of ['', '0', '8', '5-1', 'mon']) expect(parseDays(bad)).toBeNull();
    expect(formatDays([1, 2, 3, 5, 7])).toBe('1-3,5,7');
  });

  test('a draft round-trips through the body the shared schema accepts', () => {
    const slots = { days: [1, 2, 3, 4, 5], from: '08:30', to: '12:00', slotMinutes: 15, capacity: 3, daysAhead: 14 };
    const body = bookingBodyOf(bookingDraftOf(slots, 20));
    expect(body).toEqual({ booking: slots, remoteDailyShare: 20 });
    const full = { code: 'X', prefix: 'A', name: { zh: '测', en: 'T' }, moduleId: 'm', ...body };
    expect(ServiceBody.safeParse(full).success).toBe(true);
    expect(bookingBodyOf(bookingDraftOf(null, null))).toEqual({ booking: null, remoteDailyShare: null });
    // Hours the wrong way round are refused by the shared schema.
    const wrong = bookingBodyOf({ ...bookingDraftOf(slots, null), from: '13:00', to: '12:00' });
    expect(ServiceBody.safeParse({ ...full, ...wrong }).success).toBe(false);
  });
});
