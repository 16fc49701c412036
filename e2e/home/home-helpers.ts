// The visitors-from-home world: a demo server whose services take bookings at any hour (so the
// tests run whatever the clock says), and small steps on the phone and kiosk pages.
import type { HallConfig } from '@hallq/shared';
import { startServer, type TestServer } from '../support';

export interface HomeWorld {
  server: TestServer;
  admin: string;
  hall: HallConfig;
  serviceId: string;
}

export async function startHomeWorld(env: Record<string, string> = {}): Promise<HomeWorld> {
  const server = await startServer({ env });
  const admin = await server.login('admin');
  const hall = (await server.api<HallConfig>('GET', '/halls/demo', undefined, admin)).body;
  const serviceId = hall.services[0]!.id;
  // Slots around the clock: the next slot always starts within 30 minutes, inside the check-in window.
  const patched = await server.api('PATCH', `/halls/demo/services/${serviceId}`, {
    booking: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00', slotMinutes: 30, capacity: 4, daysAhead: 2 },
  }, admin);
  if (patched.status !== 200) throw new Error(`booking setup: ${patched.status} ${JSON.stringify(patched.body)}`);
  return { server, admin, hall, serviceId };
}

/** The earliest slot that can still be booked (today, or tomorrow just before midnight). */
export async function nextSlot(world: HomeWorld): Promise<string> {
  for (let day = 0; day < 2; day++) {
    const date = new Date(Date.now() + 8 * 3600_000 + day * 86400_000).toISOString().slice(0, 10); // Asia/Shanghai
    const r = await world.server.api<{ slots: Array<{ start: string; available: number }> }>('GET', `/public/halls/demo/slots?serviceId=${world.serviceId}&date=${date}`);
    const free = r.body.slots.find((s) => s.available > 0);
    if (free) return free.start;
  }
  throw new Error('no free slot');
}

export async function book(world: HomeWorld): Promise<{ code: string; statusUrl: string }> {
  const r = await world.server.api<{ booking: { code: string; statusUrl: string } }>('POST', '/public/halls/demo/bookings', { serviceId: world.serviceId, start: await nextSlot(world) });
  if (r.status !== 201) throw new Error(`booking: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.booking;
}
