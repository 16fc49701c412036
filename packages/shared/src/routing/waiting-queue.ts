// The one live index of a hall's waiting tickets, used by the server's mirror and by the
// simulator: per (service, stage), one sorted lane per class (priority, appointments, normal), in
// the order the engine calls them within a lane. Choosing a window's next ticket reads only the
// heads of the lanes it may serve (CandidateIndex over these lanes, without copying them), and a
// forecast reads the same lanes through its own CandidateIndex, so nothing is copied per call.
import { CandidateIndex, type SortedBucket } from './candidate-index';
import type { Pick, RoutingContext, RoutingTicket, RoutingWindow } from './types';

interface Bucket<T extends RoutingTicket> {
  serviceId: string;
  stage: number;
  priority: T[];
  appointments: T[];
  normal: T[];
}

const before = (a: RoutingTicket, b: RoutingTicket): boolean => a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id);

/** Where `t` goes in a lane in queue order (binary search). */
function position(lane: readonly RoutingTicket[], t: RoutingTicket): number {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(lane[mid]!, t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const bucketKey = (serviceId: string, stage: number): string => `${serviceId}\u0000${stage}`;

/** The lane of a ticket within its bucket: decided by its own (unchanging) fields. */
const laneOf = <T extends RoutingTicket>(b: Bucket<T>, t: T): T[] => (t.priority ? b.priority : t.appointmentAt !== null ? b.appointments : b.normal);

export class WaitingQueue<T extends RoutingTicket = RoutingTicket> {
  private readonly buckets = new Map<string, Bucket<T>>();
  /**
   * Each waiting ticket by id (the ticket object is never copied). Its lane follows from its own
   * fields, so nothing else is kept per ticket: the object, its id and one slot in its lane.
   */
  private readonly byId = new Map<string, T>();

  get size(): number {
    return this.byId.size;
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  get(id: string): T | undefined {
    return this.byId.get(id);
  }
  /** Every waiting ticket, lane by lane (each lane in queue order). */
  all(): T[] {
    const out: T[] = [];
    // A loop, not push(...lane): a lane of a few hundred thousand tickets (a simulated day at a
    // huge arrival rate) overflowed the call stack as arguments.
    for (const b of this.buckets.values()) for (const lane of [b.priority, b.appointments, b.normal]) for (const t of lane) out.push(t);
    return out;
  }
  /** The lanes themselves, in queue order, for a view that must not copy them (do not write). */
  sortedBuckets(): Iterable<SortedBucket> {
    return this.buckets.values();
  }
  /** Waiting tickets per service (every stage and class). */
  countByService(): Map<string, number> {
    const out = new Map<string, number>();
    for (const b of this.buckets.values()) {
      out.set(b.serviceId, (out.get(b.serviceId) ?? 0) + b.priority.length + b.appointments.length + b.normal.length);
    }
    return out;
  }
  /** The earliest original time per service, or none when nobody waits for it. */
  oldestByService(): Map<string, number> {
    const out = new Map<string, number>();
    for (const b of this.buckets.values()) {
      for (const lane of [b.priority, b.appointments, b.normal]) {
        const head = lane[0];
        if (head && head.queuedAt < (out.get(b.serviceId) ?? Infinity)) out.set(b.serviceId, head.queuedAt);
      }
    }
    return out;
  }

  /** Puts a ticket in its place (again, if it was there: a transfer moves it). */
  add(t: T): void {
    this.remove(t.id);
    const key = bucketKey(t.serviceId, t.stage);
    let b = this.buckets.get(key);
    if (!b) {
      b = { serviceId: t.serviceId, stage: t.stage, priority: [], appointments: [], normal: [] };
      this.buckets.set(key, b);
    }
    const lane = laneOf(b, t);
    const last = lane[lane.length - 1];
    // Arrivals come in time order: appending is the common case.
    if (!last || before(last, t)) lane.push(t);
    else lane.splice(position(lane, t), 0, t);
    this.byId.set(t.id, t);
  }

  /** Takes a ticket out; an unknown id changes nothing. Returns the ticket that was there. */
  remove(id: string): T | undefined {
    const t = this.byId.get(id);
    if (!t) return undefined;
    const b = this.buckets.get(bucketKey(t.serviceId, t.stage));
    if (b) {
      const lane = laneOf(b, t);
      const i = position(lane, t);
      if (lane[i]?.id === id) lane.splice(i, 1);
    }
    this.byId.delete(id);
    return t;
  }

  /** A forecast's own view of these lanes: its removals and insertions leave the queue as it is. */
  view(): CandidateIndex {
    return CandidateIndex.fromSorted(this.buckets.values());
  }

  /**
   * A view over copies of the lanes: it stays valid while the queue changes (a forecast spread
   * over several turns of the event loop). Copies references only, not tickets.
   */
  detachedView(): CandidateIndex {
    return CandidateIndex.fromSorted(this.detachedBuckets());
  }

  /** Copies of the lanes (references only), for many forecasts' views (`CandidateIndex.fromSorted`). */
  detachedBuckets(): SortedBucket[] {
    const copies: SortedBucket[] = [];
    for (const b of this.buckets.values()) {
      copies.push({ serviceId: b.serviceId, stage: b.stage, priority: b.priority.slice(), appointments: b.appointments.slice(), normal: b.normal.slice() });
    }
    return copies;
  }

  /** Same as `pickNext(window, <waiting tickets but skip>, ctx, now)`. */
  pick(window: RoutingWindow, ctx: RoutingContext, now: number, skip: Iterable<string> = []): Pick | null {
    const view = this.view();
    for (const id of skip) view.remove(id);
    return view.pick(window, ctx, now);
  }
}
