// An index of waiting tickets by (service, stage) that finds a window's next ticket without a
// scan of the whole queue. It returns exactly what `pickNext` would (checked by property tests):
// within one bucket every ticket shares the service's target, so the longest relative wait is the
// earliest original time, and the best ticket of the bucket is the head of one of its classes.
import type { Pick, RoutingContext, RoutingTicket, RoutingWindow } from './types';
import { canServe, isPassedOver, pickNext } from './engine';

const byQueueOrder = (a: RoutingTicket, b: RoutingTicket): number =>
  a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A sorted run of tickets read from a position on; removals are skipped, never spliced. */
class Run {
  head = 0;
  constructor(
    readonly items: readonly RoutingTicket[],
    private readonly removed: Set<string>,
  ) {}
  first(): RoutingTicket | undefined {
    while (this.head < this.items.length && this.removed.has(this.items[this.head]!.id)) this.head++;
    return this.items[this.head];
  }
  isRemoved(t: RoutingTicket): boolean {
    return this.removed.has(t.id);
  }
}

/**
 * Tickets of one class in queue order. A lane given in may be shared with its owner (the server's
 * live queue) and is never written: inserted tickets go to a small sorted run of their own, and
 * the lane reads the two runs merged.
 */
class Lane {
  private readonly base: Run;
  private readonly added: Run;
  constructor(items: readonly RoutingTicket[], removed: Set<string>) {
    this.base = new Run(items, removed);
    this.added = new Run([], removed);
  }
  insert(t: RoutingTicket): void {
    const items = this.added.items as RoutingTicket[];
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byQueueOrder(items[mid]!, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, t);
    // Everything before the read position is removed; the new ticket may now be first.
    if (lo < this.added.head) this.added.head = lo;
  }
  first(): RoutingTicket | undefined {
    const a = this.base.first();
    const b = this.added.first();
    if (!a || !b) return a ?? b;
    return byQueueOrder(a, b) <= 0 ? a : b;
  }
  /** Visits the tickets still waiting, in queue order, until `visit` returns true. */
  scan(visit: (t: RoutingTicket) => boolean): void {
    const [x, y] = [this.base, this.added];
    let i = x.head;
    let j = y.head;
    for (;;) {
      while (i < x.items.length && x.isRemoved(x.items[i]!)) i++;
      while (j < y.items.length && y.isRemoved(y.items[j]!)) j++;
      const a = x.items[i];
      const b = y.items[j];
      if (!a && !b) return;
      const takeA = a !== undefined && (b === undefined || byQueueOrder(a, b) <= 0);
      if (visit(takeA ? a! : b!)) return;
      if (takeA) i++;
      else j++;
    }
  }
}

interface Bucket {
  serviceId: string;
  stage: number;
  priority: Lane;
  appointments: Lane;
  normal: Lane;
}

/** One (service, stage) of a queue whose lanes are already in queue order. */
export interface SortedBucket {
  serviceId: string;
  stage: number;
  priority: readonly RoutingTicket[];
  appointments: readonly RoutingTicket[];
  normal: readonly RoutingTicket[];
}

export class CandidateIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly removed = new Set<string>();
  /** Buckets each window may serve; skills and staff do not change during one index's life. */
  private servable = new WeakMap<RoutingWindow, Bucket[]>();

  constructor(tickets: Iterable<RoutingTicket> = []) {
    for (const b of CandidateIndex.sortBuckets(tickets)) this.addBucket(b);
  }

  /** Tickets sorted into buckets and lanes, to build many indexes over them with `fromSorted`. */
  static sortBuckets(tickets: Iterable<RoutingTicket>): SortedBucket[] {
    const lanes = new Map<string, SortedBucket & { priority: RoutingTicket[]; appointments: RoutingTicket[]; normal: RoutingTicket[] }>();
    for (const t of tickets) {
      const key = `${t.serviceId}\u0000${t.stage}`;
      let b = lanes.get(key);
      if (!b) {
        b = { serviceId: t.serviceId, stage: t.stage, priority: [], appointments: [], normal: [] };
        lanes.set(key, b);
      }
      (t.priority ? b.priority : t.appointmentAt !== null ? b.appointments : b.normal).push(t);
    }
    for (const b of lanes.values()) {
      b.priority.sort(byQueueOrder);
      b.appointments.sort(byQueueOrder);
      b.normal.sort(byQueueOrder);
    }
    return [...lanes.values()];
  }

  /**
   * An index over lanes that are already sorted (e.g. the server's live waiting index) without
   * copying them: a forecast over a long queue then costs only the calls it simulates.
   */
  static fromSorted(buckets: Iterable<SortedBucket>): CandidateIndex {
    const index = new CandidateIndex();
    for (const b of buckets) index.addBucket(b);
    return index;
  }

  private addBucket(b: SortedBucket): Bucket {
    const bucket: Bucket = {
      serviceId: b.serviceId,
      stage: b.stage,
      priority: new Lane(b.priority, this.removed),
      appointments: new Lane(b.appointments, this.removed),
      normal: new Lane(b.normal, this.removed),
    };
    this.buckets.set(`${b.serviceId}\u0000${b.stage}`, bucket);
    return bucket;
  }

  /** Adds a ticket in its place (a forecast adds later stages and expected arrivals as it runs). */
  insert(t: RoutingTicket): void {
    let b = this.buckets.get(`${t.serviceId}\u0000${t.stage}`);
    if (!b) {
      b = this.addBucket({ serviceId: t.serviceId, stage: t.stage, priority: [], appointments: [], normal: [] });
      // A new bucket: the windows' lists of buckets they may serve are made again.
      this.servable = new WeakMap();
    }
    (t.priority ? b.priority : t.appointmentAt !== null ? b.appointments : b.normal).insert(t);
  }

  /**
   * How many tickets still in the index come before `t` in its own lane (same service, stage and
   * class) and are present (not away), counting no further than `limit`. Within a lane the engine
   * offers only the first ticket, so each of these is called before `t`.
   */
  presentAhead(t: RoutingTicket, limit: number): number {
    const b = this.buckets.get(`${t.serviceId}\u0000${t.stage}`);
    if (!b || limit <= 0) return 0;
    const lane = t.priority ? b.priority : t.appointmentAt !== null ? b.appointments : b.normal;
    let n = 0;
    lane.scan((x) => {
      if (x.id === t.id || byQueueOrder(x, t) >= 0) return true;
      if (x.away !== true) n++;
      return n >= limit;
    });
    return n;
  }

  /** Takes a ticket out (called, or claimed elsewhere); an unknown id changes nothing. */
  remove(ticketId: string): void {
    this.removed.add(ticketId);
  }

  /** Same answer as `pickNext(window, <remaining tickets>, ctx, now)`. */
  pick(window: RoutingWindow, ctx: RoutingContext, now: number): Pick | null {
    const candidates: RoutingTicket[] = [];
    let buckets = this.servable.get(window);
    if (!buckets) {
      buckets = [...this.buckets.values()].filter((b) =>
        canServe(window, { id: '', serviceId: b.serviceId, stage: b.stage, queuedAt: 0, priority: false, appointmentAt: null }, ctx),
      );
      this.servable.set(window, buckets);
    }
    // R9: in live routing an away ticket is no candidate, so a lane offers its first other ticket.
    const first = (lane: Lane): RoutingTicket | undefined => {
      const head = lane.first();
      if (!head || !isPassedOver(head, ctx)) return head;
      let found: RoutingTicket | undefined;
      lane.scan((t) => {
        if (isPassedOver(t, ctx)) return false;
        found = t;
        return true;
      });
      return found;
    };
    for (const b of buckets) {
      const p = first(b.priority);
      if (p) candidates.push(p);
      const n = first(b.normal);
      if (n) candidates.push(n);
      // Appointments are few: each may be due or not at `now`, so the earliest of each kind.
      let due: RoutingTicket | undefined;
      let notDue: RoutingTicket | undefined;
      const early = ctx.policy.appointmentEarlySeconds * 1000;
      b.appointments.scan((a) => {
        if (isPassedOver(a, ctx)) return false;
        const isDue = a.appointmentAt! - early <= now;
        if (isDue && !due) due = a;
        if (!isDue && !notDue) notDue = a;
        return due !== undefined && notDue !== undefined;
      });
      if (due) candidates.push(due);
      if (notDue) candidates.push(notDue);
    }
    return pickNext(window, candidates, ctx, now);
  }
}
