// Small helpers for the display tests: staff at windows, tickets, and an independent observer of
// the hall's call events (the expected announcement order comes from the server, not the page).
import { io, type Socket } from 'socket.io-client';
import type { Page } from 'playwright-core';
import type { HallConfig, HallEventOf } from '@hallq/shared';

export type CallEvent = HallEventOf<'ticket.called'> | HallEventOf<'ticket.recalled'>;
import type { TestServer } from '../support';
import type { AnnouncerHook } from '@hallq/display/announcer';

export interface StaffWindow {
  number: number;
  windowId: string;
  token: string;
  serviceId: string;
}

export async function hallConfig(server: TestServer, token: string): Promise<HallConfig> {
  const res = await server.api<HallConfig>('GET', '/halls/demo', undefined, token);
  if (res.status !== 200) throw new Error(`hall config: ${res.status}`);
  return res.body;
}

/** Signs `wNN` in at window NN for each number; returns the window's primary service too. */
export async function signInWindows(server: TestServer, numbers: number[]): Promise<StaffWindow[]> {
  const admin = await server.login('admin');
  const hall = await hallConfig(server, admin);
  return Promise.all(
    numbers.map(async (n) => {
      const win = hall.windows.find((w) => w.number === n);
      if (!win) throw new Error(`no window ${n}`);
      const token = await server.login(`w${String(n).padStart(2, '0')}`);
      const res = await server.api('POST', `/windows/${win.id}/sign-in`, {}, token);
      if (res.status !== 200) throw new Error(`sign-in ${n}: ${res.status} ${JSON.stringify(res.body)}`);
      const skill = [...win.skills].sort((a, b) => a.tier - b.tier)[0];
      if (!skill) throw new Error(`window ${n} has no skill`);
      return { number: n, windowId: win.id, token, serviceId: skill.serviceId };
    }),
  );
}

export async function issueTicket(server: TestServer, kioskToken: string, serviceId: string): Promise<{ id: string; number: string }> {
  const res = await server.api<{ ticket: { id: string; number: string } }>('POST', '/halls/demo/tickets', { serviceId }, kioskToken);
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket;
}

export async function callNext(server: TestServer, w: StaffWindow): Promise<{ id: string; number: string } | null> {
  const res = await server.api<{ ticket: { id: string; number: string } }>('POST', `/windows/${w.windowId}/call-next`, {}, w.token);
  if (res.status === 204) return null;
  if (res.status !== 200) throw new Error(`call-next ${w.number}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket;
}

/** Listens to the hall like a display does and keeps every call/recall event, once, by seq. */
export class CallObserver {
  readonly calls = new Map<number, CallEvent>();
  private socket: Socket;

  constructor(url: string, token: string) {
    this.socket = io(url, { auth: { token }, transports: ['websocket'] });
    this.socket.on('hello', (h: { seq: number }) => this.socket.emit('resume', { hallId: 'demo', afterSeq: h.seq }));
    for (const type of ['ticket.called', 'ticket.recalled'] as const) {
      this.socket.on(type, (e: CallEvent) => this.calls.set(e.seq, e));
    }
  }

  async ready(): Promise<void> {
    if (this.socket.connected) return;
    await new Promise<void>((r) => this.socket.once('connect', () => r()));
  }

  inOrder(): CallEvent[] {
    return [...this.calls.values()].sort((a, b) => a.seq - b.seq);
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.calls.size < count) {
      if (Date.now() > end) throw new Error(`observer saw ${this.calls.size} calls, expected ${count}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): void {
    this.socket.close();
  }
}

export async function announcerHook(page: Page): Promise<AnnouncerHook> {
  return page.evaluate(() => {
    const h = window.__hallqAnnouncer!;
    return { log: h.log, skipped: h.skipped, played: h.played, voice: h.voice, handledThrough: h.handledThrough, resumedFrom: h.resumedFrom };
  });
}

export async function waitForAnnouncements(page: Page, count: number, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction((n) => (window.__hallqAnnouncer?.log.length ?? 0) >= n, count, { timeout: timeoutMs, polling: 200 });
}

/** Every one of `seqs` has been spoken, on its own or merged into another announcement. */
export async function waitForSpoken(page: Page, seqs: number[], timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const spoken = new Set((window.__hallqAnnouncer?.log ?? []).flatMap((l) => [l.seq, ...l.mergedSeqs]));
      return want.every((s) => spoken.has(s));
    },
    seqs,
    { timeout: timeoutMs, polling: 200 },
  );
}

/** The page is connected and has its first state. */
export async function waitOnline(page: Page): Promise<void> {
  await page.waitForSelector('.hall-screen[data-status="online"] .hall-main', { timeout: 20_000 });
}

/** The clip player has started at least `count` clip sequences (chime and words count apart). */
export async function waitForPlayed(page: Page, count: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction((n) => (window.__hallqAnnouncer?.played.length ?? 0) >= n, count, { timeout: timeoutMs, polling: 200 });
}
