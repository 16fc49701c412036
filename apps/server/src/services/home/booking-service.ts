// Bookings from home: the slots a service offers, booking one (never past its capacity: the count
// and the insert run in one command of the single-writer queue), looking it up and cancelling it.
import { randomInt } from 'node:crypto';
import type { BookingBody } from '@hallq/shared';
import type { Tx } from '../../storage/tx';
import type { StoredAppointment } from '../../storage/appointment-repo';
import { localTime } from '../clock';
import { audit, VISITOR, type Core } from '../core';
import { AppError, notFound } from '../errors';
import type { HallMirror } from '../hall-mirror';
import { newId } from '../ids';
import { bookableDates, findSlot, slotsOfDate } from './booking-slots';

export interface SlotView {
  start: string;
  end: string;
  capacity: number;
  available: number;
}

export interface BookingView {
  code: string;
  hallId: string;
  serviceId: string;
  start: string;
  end: string;
  status: StoredAppointment['status'];
  statusUrl: string;
  canCancel: boolean;
}

/** 8 digits: typed on the kiosk keypad; with misses limited per address, not worth guessing. */
const CODE_DIGITS = 8;

function bookableService(m: HallMirror, serviceId: string) {
  const service = m.services.get(serviceId);
  if (!service) throw notFound('service');
  if (!service.active || !service.booking) throw new AppError('slot_not_offered', 'this service takes no bookings', { serviceId });
  return { service, booking: service.booking };
}

/** The slots of one local date; dates outside the booking range have none. */
export function listSlots(core: Core, m: HallMirror, serviceId: string, date: string): SlotView[] {
  const { booking } = bookableService(m, serviceId);
  const now = core.clock();
  if (!bookableDates(booking, now, m.hall.timezone).includes(date)) return [];
  const slots = slotsOfDate(booking, date, m.hall.timezone, m.hall.holidays);
  if (slots.length === 0) return [];
  const taken = core.repos.appointments.takenBetween(m.hall.id, serviceId, slots[0]!.start, slots[slots.length - 1]!.end);
  return slots.map((s) => ({
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    capacity: booking.capacity,
    available: s.start <= now ? 0 : Math.max(0, booking.capacity - (taken.get(s.start) ?? 0)),
  }));
}

export function bookingView(core: Core, a: StoredAppointment): BookingView {
  return {
    code: a.code,
    hallId: a.hallId,
    serviceId: a.serviceId,
    start: a.at,
    end: a.end ?? a.at,
    status: a.status,
    statusUrl: `${core.publicUrl}/h/${encodeURIComponent(a.hallId)}?booking=${a.code}`,
    canCancel: a.status === 'booked' && core.clock() < a.atMs,
  };
}

function newCode(core: Core): string {
  for (;;) {
    const code = String(randomInt(10 ** (CODE_DIGITS - 1), 10 ** CODE_DIGITS));
    if (!core.repos.appointments.byCodeAnyHall(code)) return code;
  }
}

export function book(core: Core, _tx: Tx, m: HallMirror, body: BookingBody): BookingView {
  const { service, booking } = bookableService(m, body.serviceId);
  const now = core.clock();
  const slot = findSlot(booking, Date.parse(body.start), now, m.hall.timezone, m.hall.holidays);
  if (!slot) {
    throw new AppError('slot_not_offered', 'this slot is not offered (in the past, too far ahead or not a slot start)', {
      start: body.start,
      daysAhead: booking.daysAhead,
    });
  }
  if (core.repos.appointments.countInSlot(m.hall.id, service.id, slot.start) >= booking.capacity) {
    throw new AppError('slot_full', 'this slot is fully booked', { start: body.start, capacity: booking.capacity });
  }
  const id = newId('apt');
  const code = newCode(core);
  core.repos.appointments.create({
    id,
    hallId: m.hall.id,
    code,
    serviceId: service.id,
    at: slot.start,
    endAt: slot.end,
    serviceDate: localTime(slot.start, m.hall.timezone).date,
    createdAt: now,
    contact: body.contact ?? null,
  });
  audit(core, m.hall.id, VISITOR, 'booking.create', id, { serviceId: service.id, start: body.start });
  return bookingView(core, core.repos.appointments.byCode(m.hall.id, code)!);
}

export function bookingByCode(core: Core, code: string): StoredAppointment {
  const a = core.repos.appointments.byCodeAnyHall(code);
  if (!a) throw new AppError('booking_not_found', 'no booking has this code');
  return a;
}

/** The holder cancels before the slot starts; the place is free again at once. */
export function cancelBooking(core: Core, _tx: Tx, code: string): BookingView {
  const a = bookingByCode(core, code);
  if (a.status !== 'booked' || core.clock() >= a.atMs) {
    throw new AppError('booking_not_cancellable', 'only a booking not yet checked in can be cancelled, before its slot', { status: a.status });
  }
  core.repos.appointments.cancel(a.id);
  audit(core, a.hallId, VISITOR, 'booking.cancel', a.id);
  return bookingView(core, core.repos.appointments.byCode(a.hallId, code)!);
}
