// Replays of a hall from a ticket's issue, for the estimator bound: the hall copied as it stands
// (waiting tickets, windows, timetable, remote holders) and played forward with fresh draws of
// everything nobody knows at that moment, until the new ticket is called.
import { HallRun } from './hall-run';
import { Random } from './rng';
import { sampleMinutesAfter, stageDistribution } from './service-times';
import type { SimTicket } from './sim-ticket';

/**
 * The new ticket's waits (s, in the order drawn) over `replays` copies of the hall played forward
 * from its issue (copies that never call it left out): their median is the best estimate given
 * the hall's state then.
 */
export function replayWaits(hall: HallRun, ticket: SimTicket, si: number, remote: boolean, replays: number): number[] {
  const waits: number[] = [];
  for (let k = 0; k < replays; k++) {
    const ms = replayWait(hall, ticket, si, remote, Random.stream(hall.scenario.seed, hall.replication, `replay:${ticket.id}:${k}`));
    if (ms !== null) waits.push(ms / 1000);
  }
  return waits;
}

/**
 * One replay of the hall from the issue of `ticket`: a copy of every waiting ticket, window,
 * timetable and remote holder, with fresh draws (from `random`) of everything nobody knows at
 * issue: future arrivals, the length and no-show of every call to come, when each visit now at a
 * window ends (drawn from its service time's distribution given the time it has taken so far; a
 * no-show's hold is known) and whether and when each absent remote holder comes (given they have
 * not come yet). Returns the ticket's wait (ms), null when it is never called.
 */
function replayWait(hall: HallRun, ticket: SimTicket, si: number, remote: boolean, random: Random): number | null {
  const same = hall.services.map(() => random);
  const copy = new HallRun(hall.scenario, hall.replication, hall.options, { arrival: same, service: same, visitor: same, noShow: same, remote: same });
  const now = hall.now;
  copy.now = now;
  copy.lastChange = now;
  copy.ticketSeq = hall.ticketSeq;
  copy.seq = hall.seq;
  const tickets = new Map<SimTicket, SimTicket>();
  const twin = (t: SimTicket): SimTicket => {
    let c = tickets.get(t);
    if (!c) {
      c = { ...t };
      tickets.set(t, c);
    }
    return c;
  };
  for (const t of hall.room.all()) copy.room.add(twin(t));
  copy.windows = hall.windows.map((w) => {
    const cur = w.current;
    if (!cur) return { ...w };
    const t = twin(cur.ticket);
    const noShow = hall.noShows.has(cur.ticket);
    if (noShow) copy.noShows.add(t);
    return { ...w, current: { ticket: t, start: cur.start, serviceSeconds: cur.serviceSeconds } };
  });
  // The timetable is known; the visits under way end at fresh draws (a no-show's hold as it is).
  for (const e of hall.heap.items()) {
    if (e.kind === 'open' || e.kind === 'close') copy.heap.push(e);
    else if (e.kind === 'done') {
      const w = copy.windows[e.window]!;
      const cur = w.current!;
      if (copy.noShows.has(cur.ticket)) copy.heap.push(e);
      else {
        const svc = hall.services[hall.serviceIndex.get(cur.ticket.serviceId)!]!;
        const seconds = sampleMinutesAfter(stageDistribution(svc, cur.ticket.stage), (now - cur.start) / 60_000, random) * 60;
        cur.serviceSeconds = seconds;
        copy.heap.push({ ...e, time: Math.max(now, cur.start + seconds * 1000) });
      }
    }
  }
  // Absent remote holders: whether they come at all, given they have not come yet, and when.
  copy.holding = hall.holding.copy(twin, (t) => {
    const svc = hall.services[hall.serviceIndex.get(t.serviceId)!]!;
    const meanMs = svc.remoteArriveMinutes * 60_000;
    const stillOut = svc.remoteShowShare * Math.exp(-(now - t.queuedAt) / meanMs);
    const comes = random.chance(stillOut / (stillOut + 1 - svc.remoteShowShare));
    if (comes) copy.schedule({ time: now + random.exponential(meanMs), kind: 'arrive', ticket: t });
    return comes;
  });
  // Future arrivals (memoryless: drawn afresh from now), the new ticket's own service included.
  hall.services.forEach((_, i) => {
    if (i !== si) copy.scheduleArrival(i);
  });
  const watched = twin(ticket);
  copy.watched = watched;
  copy.continueIssue(watched, si, remote);
  copy.run();
  return copy.watchedWaitMs;
}
