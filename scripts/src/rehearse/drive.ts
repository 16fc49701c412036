// A rehearsal: the real hall server (its own data folder, a clock running `speed` times faster)
// driven through a simulated day by real clients over HTTP and Socket.IO: the kiosk issues the
// simulator's arrivals, staff at each window call, start and complete with the simulator's
// service times, a display follows the calls. The waits the server records are then compared
// with the simulator's for the same arrivals.
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import type { HallConfig } from '@hallq/shared';
import { runReplication, type Scenario, type ScenarioWindow } from '@hallq/simulation';
import { json, percentile, sleep } from '../bench/measure';
import { startHallServer, type Child } from '../bench/processes';
import { login, openDemoHall } from '../bench/hall-setup';

/** The simulated modules and the demo hall's modules they stand for. */
const MODULES: Record<string, string> = {
  'business-registration': 'mod-business',
  'investment-projects': 'mod-investment',
  'construction-projects': 'mod-construction',
  'single-items': 'mod-single',
};

export interface RehearsalOptions {
  scenario: Scenario;
  windows: ReadonlyArray<ScenarioWindow>;
  speed: number;
  /** Measured hours of the scenario's day to rehearse (from its start). */
  hours: number;
}

export interface RehearsalRecord {
  arrivals: number;
  /** Server's waits (s, issue to first call, by the server's clock) and the simulator's for the same visitors. */
  serverWaits: number[];
  simulatorWaits: number[];
  byHour: Array<{ hour: number; server: number | null; simulator: number | null }>;
  callToScreenMs: number[];
  /** From the staff's call to the visitor's phone showing it (ms). */
  callToPhoneMs: number[];
  rssBytes: number[];
  cpuSeconds: number;
  wallSeconds: number;
}

const cpuOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks (100/s)
};

/** What the demo hall cannot play, before a server is started: services it has no module for, windows with no skills. */
export function rehearsalProblems(scenario: Scenario, windows: ReadonlyArray<ScenarioWindow>): string[] {
  const problems: string[] = [];
  for (const s of scenario.services)
    if (!(s.id in MODULES)) problems.push(`service ${s.id}: the rehearsal plays the demo hall's modules, service ids ${Object.keys(MODULES).join(', ')}`);
  for (const w of windows) if (w.skills.length === 0) problems.push(`window ${w.id}: no skills (a rehearsed window needs at least one)`);
  return problems;
}

export async function rehearse(o: RehearsalOptions): Promise<RehearsalRecord> {
  const problems = rehearsalProblems(o.scenario, o.windows);
  if (problems.length) throw new Error(`the scenario cannot be rehearsed:\n  ${problems.join('\n  ')}`);
  const scenario: Scenario = { ...o.scenario, hours: o.hours, warmupHours: 0 };
  const trace = runReplication(scenario, 0, { windows: o.windows, recordTickets: true }).tickets.sort((a, b) => a.arrivedAt - b.arrivedAt);
  const startDay = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const start = `${startDay}T${String(Math.floor(scenario.startHour)).padStart(2, '0')}:00:00+08:00`;
  const server: Child = await startHallServer({ QUEUE_DEMO_HISTORY: '0', QUEUE_CLOCK_START: start, QUEUE_CLOCK_SPEED: String(o.speed) });
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(server.rssBytes()), 1000);
  try {
    const hall = await openDemoHall(server.url);
    const admin = await login(server.url, 'admin');
    const config: HallConfig = hall.config;
    const servicesOf = (id: string) => config.services.filter((s) => s.active && s.moduleId === MODULES[id]).map((s) => s.id);
    const windows = [...config.windows].sort((a, b) => a.number - b.number).slice(0, o.windows.length);
    if (windows.length < o.windows.length) throw new Error(`the scenario has ${o.windows.length} windows, the demo hall ${windows.length}`);
    // The scenario's skills on the hall's windows: a module's services where the scenario has the module.
    const skills = Object.fromEntries(windows.map((w, i) => [w.id, o.windows[i]!.skills.flatMap((k) => servicesOf(k.serviceId).map((serviceId) => ({ serviceId, tier: k.tier })))]));
    const set = await json(`${server.url}/api/v1/halls/demo/windows/skills`, { method: 'POST', token: admin, body: { windows: skills } });
    if (set.status !== 200) throw new Error(`setting the skills failed: ${set.status} ${JSON.stringify(set.body)}`);

    // When each window last asked for its next visitor (the display's event may come before the answer).
    const callSent = new Map<string, number>();
    const display = io(server.url, { auth: { token: hall.displayToken }, transports: ['websocket'] });
    const screen: number[] = [];
    // Join the live stream the way a display does: resume from the current seq.
    display.on('hello', (h: { seq: number; hallId: string }) => display.emit('resume', { hallId: h.hallId, afterSeq: h.seq }));
    display.on('ticket.called', (e: { windowId: string; recall: boolean }) => {
      const sent = callSent.get(e.windowId);
      if (sent !== undefined && !e.recall) screen.push(Date.now() - sent);
      callSent.delete(e.windowId);
    });

    // Phones follow their tickets (auth {publicId}) until the visit ends.
    const phone: number[] = [];
    const phones: Array<ReturnType<typeof io>> = [];
    const follow = (publicId: string): void => {
      const p = io(server.url, { auth: { publicId }, transports: ['websocket'] });
      phones.push(p);
      let seen = false;
      p.on('ticket.status', (st: { status: string; windowNumber: number | null }) => {
        const w = windows.find((x) => x.number === st.windowNumber);
        const sent = w ? phoneSent.get(w.id) : undefined;
        if (st.status === 'called' && !seen && sent !== undefined) {
          seen = true;
          phone.push(Date.now() - sent);
        }
        if (st.status === 'done' || st.status === 'no_show') p.close();
      });
    };
    const phoneSent = new Map<string, number>();
    const meta = new Map<string, { index: number; issuedAt: number }>();
    const serverWaits: number[] = new Array(trace.length).fill(NaN);
    let issued = 0;
    let handled = 0;
    // Staff sign in before the day starts.
    const tokens = await Promise.all(
      windows.map(async (w) => {
        const token = await login(server.url, `w${String(w.number).padStart(2, '0')}`);
        const signIn = await json(`${server.url}/api/v1/windows/${w.id}/sign-in`, { method: 'POST', token, body: {} });
        if (signIn.status !== 200) throw new Error(`sign-in at window ${w.number}: ${signIn.status}`);
        return token;
      }),
    );
    const cpu0 = cpuOf(server.process.pid!);
    const wall0 = Date.now();
    const wallAt = (simMs: number): number => wall0 + simMs / o.speed;
    const kiosk = (async () => {
      for (const [index, t] of trace.entries()) {
        const delay = wallAt(t.arrivedAt) - Date.now();
        if (delay > 0) await sleep(delay);
        const serviceId = servicesOf(t.serviceId)[0]!;
        const r = await json<{ ticket: { id: string; issuedAt: string; publicId: string } }>(`${server.url}/api/v1/halls/demo/tickets`, { method: 'POST', token: hall.kioskToken, body: { serviceId } });
        if (r.status !== 201) throw new Error(`issue failed: ${r.status}`);
        follow(r.body.ticket.publicId);
        meta.set(r.body.ticket.id, { index, issuedAt: Date.parse(r.body.ticket.issuedAt) });
        issued++;
      }
    })();

    const staff = windows.map(async (w, i) => {
      const token = tokens[i]!;
      while (issued < trace.length || handled < issued) {
        callSent.set(w.id, Date.now());
        phoneSent.set(w.id, Date.now());
        const r = await json<{ ticket: { id: string; calledAt: string } }>(`${server.url}/api/v1/windows/${w.id}/call-next`, { method: 'POST', token, body: {} });
        if (r.status !== 200) {
          await sleep(Math.max(20, 10_000 / o.speed)); // nothing waiting: look again 10 simulated seconds later
          continue;
        }
        const id = r.body.ticket.id;
        const m = meta.get(id)!;
        serverWaits[m.index] = (Date.parse(r.body.ticket.calledAt) - m.issuedAt) / 1000;
        const t = trace[m.index]!;
        // The visit ends the simulator's duration after the call, whatever the requests in between took.
        const endAt = Date.now() + (t.endedAt - t.calledAt) / o.speed;
        if (t.noShow) {
          // Nobody comes: the staff recall once half-way (the server's rule before a no-show), then mark it.
          await sleep((endAt - Date.now()) / 2);
          await json(`${server.url}/api/v1/tickets/${id}/recall`, { method: 'POST', token, body: {} });
          await sleep(endAt - Date.now());
          const gone = await json(`${server.url}/api/v1/tickets/${id}/no-show`, { method: 'POST', token, body: {} });
          if (gone.status !== 200) throw new Error(`no-show at window ${w.number}: ${gone.status} ${JSON.stringify(gone.body)}`);
        } else {
          const started = await json(`${server.url}/api/v1/tickets/${id}/start`, { method: 'POST', token, body: {} });
          if (started.status !== 200) throw new Error(`start at window ${w.number}: ${started.status}`);
          await sleep(endAt - Date.now());
          const done = await json(`${server.url}/api/v1/tickets/${id}/complete`, { method: 'POST', token, body: { firstTimeAccepted: true } });
          if (done.status !== 200) throw new Error(`complete at window ${w.number}: ${done.status}`);
        }
        handled++;
      }
    });
    await kiosk;
    await Promise.all(staff);
    display.close();
    for (const p of phones) p.close();

    const simulatorWaits = trace.map((t) => (t.calledAt - t.arrivedAt) / 1000);
    const hourOf = (t: (typeof trace)[number]): number => Math.floor(scenario.startHour + t.arrivedAt / 3_600_000);
    const hours = [...new Set(trace.map(hourOf))].sort((a, b) => a - b);
    const meanOf = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    return {
      arrivals: trace.length,
      serverWaits,
      simulatorWaits,
      byHour: hours.map((hour) => ({
        hour,
        server: meanOf(trace.flatMap((t, i) => (hourOf(t) === hour ? [serverWaits[i]!] : []))),
        simulator: meanOf(trace.flatMap((t, i) => (hourOf(t) === hour ? [simulatorWaits[i]!] : []))),
      })),
      callToScreenMs: screen,
      callToPhoneMs: phone,
      rssBytes: rss,
      cpuSeconds: cpuOf(server.process.pid!) - cpu0,
      wallSeconds: (Date.now() - wall0) / 1000,
    };
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

export { percentile };
