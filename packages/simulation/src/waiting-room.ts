// The waiting tickets of a simulated hall, kept per (service, stage) in the order the engine
// would call them within one lane, so a window's call needs only the head of each lane: the same
// reduction CandidateIndex makes (checked against a full pickNext scan in waiting-room.test.ts).
import { pickNext } from '@hallq/shared';
import type { Pick, RoutingContext, RoutingTicket, RoutingWindow } from '@hallq/shared';

export interface SimTicket extends RoutingTicket {
  arrivedAt: number;
  waiting: boolean;
}

class Lane {
  private items: SimTicket[] = [];
  private head = 0;

  add(t: SimTicket): void {
    const a = this.items;
    const last = a[a.length - 1];
    if (!last || !earlier(t, last)) {
      a.push(t);
      return;
    }
    // A ticket moving to its next stage keeps its original time: insert it in place.
    let lo = this.head;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (earlier(a[mid]!, t)) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, t);
  }

  first(): SimTicket | undefined {
    const a = this.items;
    while (this.head < a.length && !a[this.head]!.waiting) this.head++;
    if (this.head > 4096 && this.head * 2 > a.length) {
      this.items = a.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }

  *live(): Generator<SimTicket> {
    for (let i = this.head; i < this.items.length; i++) if (this.items[i]!.waiting) yield this.items[i]!;
  }
}

function earlier(a: RoutingTicket, b: RoutingTicket): boolean {
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id);
}

interface Bucket {
  priority: Lane;
  appointments: Lane;
  normal: Lane;
}

export class WaitingRoom {
  private readonly buckets = new Map<string, Bucket>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(t: SimTicket): void {
    const key = `${t.serviceId}\u0000${t.stage}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { priority: new Lane(), appointments: new Lane(), normal: new Lane() };
      this.buckets.set(key, b);
    }
    t.waiting = true;
    (t.priority ? b.priority : t.appointmentAt !== null ? b.appointments : b.normal).add(t);
    this.count++;
  }

  remove(t: SimTicket): void {
    if (!t.waiting) return;
    t.waiting = false;
    this.count--;
  }

  /** The ticket the real engine would have `window` call now. */
  pick(window: RoutingWindow, ctx: RoutingContext, now: number): Pick | null {
    if (this.count === 0) return null;
    const candidates: RoutingTicket[] = [];
    const early = ctx.policy.appointmentEarlySeconds * 1000;
    for (const b of this.buckets.values()) {
      const p = b.priority.first();
      if (p) candidates.push(p);
      const n = b.normal.first();
      if (n) candidates.push(n);
      let due: SimTicket | undefined;
      let notDue: SimTicket | undefined;
      for (const a of b.appointments.live()) {
        const isDue = a.appointmentAt! - early <= now;
        if (isDue && !due) due = a;
        if (!isDue && !notDue) notDue = a;
        if (due && notDue) break;
      }
      if (due) candidates.push(due);
      if (notDue) candidates.push(notDue);
    }
    return pickNext(window, candidates, ctx, now);
  }

  /** Every waiting ticket (for the wait estimator). */
  all(): SimTicket[] {
    const out: SimTicket[] = [];
    for (const b of this.buckets.values()) for (const lane of [b.priority, b.appointments, b.normal]) for (const t of lane.live()) out.push(t);
    return out;
  }

  /** Waiting tickets of one service issued before `t` (what a naive display calls people ahead). */
  aheadInService(t: SimTicket): number {
    let n = 0;
    for (const [key, b] of this.buckets) {
      if (!key.startsWith(`${t.serviceId}\u0000`)) continue;
      for (const lane of [b.priority, b.appointments, b.normal]) for (const o of lane.live()) if (o !== t && earlier(o, t)) n++;
    }
    return n;
  }
}
