// The in-memory index of a hall's waiting tickets by (service, stage), kept up to date after each
// commit, so a call-next never scans SQL. Its lanes stay in queue order; choosing is the shared
// CandidateIndex over them, which answers exactly what `pickNext` over all waiting tickets would.
import { CandidateIndex, type Pick, type RoutingContext, type RoutingTicket, type RoutingWindow, type SortedBucket } from '@hallq/shared';

type Lane = RoutingTicket[];
interface Bucket {
  serviceId: string;
  stage: number;
  priority: Lane;
  appointments: Lane;
  normal: Lane;
}

const before = (a: RoutingTicket, b: RoutingTicket): boolean => a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id);

function position(lane: Lane, t: RoutingTicket): number {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(lane[mid]!, t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class WaitingIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly byId = new Map<string, { ticket: RoutingTicket; lane: Lane }>();

  get size(): number {
    return this.byId.size;
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  all(): RoutingTicket[] {
    return [...this.byId.values()].map((e) => e.ticket);
  }

  /** The lanes themselves, in queue order, for a forecast that must not copy them. */
  sortedBuckets(): Iterable<SortedBucket> {
    return this.buckets.values();
  }

  add(t: RoutingTicket): void {
    this.remove(t.id);
    const key = `${t.serviceId}\u0000${t.stage}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { serviceId: t.serviceId, stage: t.stage, priority: [], appointments: [], normal: [] };
      this.buckets.set(key, b);
    }
    const lane = t.priority ? b.priority : t.appointmentAt !== null ? b.appointments : b.normal;
    lane.splice(position(lane, t), 0, t);
    this.byId.set(t.id, { ticket: t, lane });
  }

  remove(id: string): void {
    const e = this.byId.get(id);
    if (!e) return;
    const i = position(e.lane, e.ticket);
    if (e.lane[i]?.id === id) e.lane.splice(i, 1);
    this.byId.delete(id);
  }

  /** Same as `pickNext(window, waiting minus exclude, ctx, now)`: the shared index over these lanes. */
  pick(window: RoutingWindow, ctx: RoutingContext, now: number, exclude: ReadonlySet<string> = new Set()): Pick | null {
    const index = CandidateIndex.fromSorted(this.buckets.values());
    for (const id of exclude) index.remove(id);
    return index.pick(window, ctx, now);
  }
}
