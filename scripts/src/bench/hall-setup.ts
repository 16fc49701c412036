// Talks to a running demo hall server the way its devices and staff do.
import type { HallConfig } from '@hallq/shared';
import { json } from './measure';

export interface DemoHall {
  url: string;
  config: HallConfig;
  kioskToken: string;
  displayToken: string;
}

export async function openDemoHall(url: string): Promise<DemoHall> {
  const kiosk = await json<{ token: string }>(`${url}/api/v1/pair/demo?kind=kiosk`);
  const display = await json<{ token: string }>(`${url}/api/v1/pair/demo?kind=display`);
  if (kiosk.status !== 200 || display.status !== 200) throw new Error('demo pairing failed: is the server in demo mode?');
  const config = await json<HallConfig>(`${url}/api/v1/halls/demo`, { token: kiosk.body.token });
  return { url, config: config.body, kioskToken: kiosk.body.token, displayToken: display.body.token };
}

export async function login(url: string, username: string, password = 'demo'): Promise<string> {
  const res = await json<{ token: string }>(`${url}/api/v1/auth/login`, { method: 'POST', body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.body.token;
}

export async function issueTickets(url: string, token: string, serviceIds: string[], count: number, parallel = 64): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, i) =>
      json<{ ticket: { id: string } }>(`${url}/api/v1/halls/demo/tickets`, {
        method: 'POST',
        token,
        body: { serviceId: serviceIds[(start + i) % serviceIds.length]! },
      }),
    );
    for (const r of await Promise.all(batch)) {
      if (r.status !== 201) throw new Error(`ticket issue failed: ${r.status} ${JSON.stringify(r.body)}`);
      ids.push(r.body.ticket.id);
    }
  }
  return ids;
}
