// Check-in at the kiosk of what was arranged from home: a booking (code typed or QR scanned) is
// looked up for its service and then issued as a ticket with `appointmentCode`; a ticket taken
// from home (its QR) is marked as arrived.
import { ApiError } from '@hallq/client';
import type { ApiClient } from '@hallq/client';
import type { PublicTicketStatus } from '@hallq/shared';

export type LookupOutcome = { kind: 'found'; serviceId: string } | { kind: 'invalid'; code: string } | { kind: 'offline' };

export async function lookupBooking(api: ApiClient, hallId: string, code: string): Promise<LookupOutcome> {
  try {
    const r = await api.get<{ appointment: { serviceId: string } }>(`/halls/${encodeURIComponent(hallId)}/appointments/${encodeURIComponent(code)}`);
    return { kind: 'found', serviceId: r.appointment.serviceId };
  } catch (err) {
    if (err instanceof ApiError && !err.offline && err.status < 500) return { kind: 'invalid', code: err.code };
    return { kind: 'offline' };
  }
}

export type ArriveOutcome = { kind: 'arrived'; number: string } | { kind: 'invalid'; code: string } | { kind: 'offline' };

export async function arriveRemote(api: ApiClient, publicId: string): Promise<ArriveOutcome> {
  try {
    const r = await api.post<PublicTicketStatus>(`/public/tickets/${encodeURIComponent(publicId)}/arrive`, {});
    return { kind: 'arrived', number: r.number };
  } catch (err) {
    if (err instanceof ApiError && !err.offline && err.status < 500) return { kind: 'invalid', code: err.code };
    return { kind: 'offline' };
  }
}
