// The public hall page's calls: no token; bookings and remote tickets are the visitor's own.
import { addDays } from '@hallq/shared';
import type { PublicHall, PublicHallService } from '@hallq/shared';

export type { PublicHall, PublicHallService };

export interface Slot {
  start: string;
  end: string;
  capacity: number;
  available: number;
}

export interface Booking {
  code: string;
  hallId: string;
  serviceId: string;
  start: string;
  end: string;
  status: 'booked' | 'checked_in' | 'cancelled';
  statusUrl: string;
  canCancel: boolean;
}

export class HallApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: { code?: string } };
  if (!res.ok) throw new HallApiError(res.status, data.error?.code ?? 'failed');
  return data;
}

const h = (id: string): string => encodeURIComponent(id);

export const hallApi = {
  hall: (hallId: string) => call<PublicHall>('GET', `/public/halls/${h(hallId)}`),
  slots: (hallId: string, serviceId: string, date: string) =>
    call<{ slots: Slot[] }>('GET', `/public/halls/${h(hallId)}/slots?serviceId=${h(serviceId)}&date=${date}`),
  book: (hallId: string, serviceId: string, start: string) => call<{ booking: Booking }>('POST', `/public/halls/${h(hallId)}/bookings`, { serviceId, start }),
  booking: (code: string) => call<{ booking: Booking }>('GET', `/public/bookings/${h(code)}`),
  cancel: (code: string) => call<{ booking: Booking }>('POST', `/public/bookings/${h(code)}/cancel`, {}),
  remote: (hallId: string, serviceId: string, lang: string) =>
    call<{ ticket: { statusUrl: string } }>('POST', `/public/halls/${h(hallId)}/remote-tickets`, { serviceId, lang }),
};

export function hallIdFromPath(pathname: string): string {
  const m = /\/h\/([^/?#]+)/.exec(pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

/** The local dates a visitor may look at for slots: today and the next `days - 1` days. */
export function nextDates(today: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i));
}
