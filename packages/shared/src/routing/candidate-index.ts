// An index of waiting tickets by (service, stage) that finds a window's next ticket without a
// scan of the whole queue. It returns exactly what `pickNext` would (checked by property tests):
// within one bucket every ticket shares the service's target, so the longest relative wait is the
// earliest original time, and the best ticket of the bucket is the head of one of its classes.
import type { Pick, RoutingContext, RoutingTicket, RoutingWindow } from './types';
import { canServe, pickNext } from './engine';

class Lane {
  private items: RoutingTicket[] = [];
  private head = 0;
  constructor(private readonly removed: Set<string>) {}
  push(t: RoutingTicket): void {
    this.items.push(t);
  }
  sort(): void {
    this.items.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  first(): RoutingTicket | undefined {
    while (this.head < this.items.length && this.removed.has(this.items[this.head]!.id)) this.head++;
    return this.items[this.head];
  }
  /** Visits the tickets still waiting, in order, until `visit` returns true. */
  scan(visit: (t: RoutingTicket) => boolean): void {
    for (let i = this.head; i < this.items.length; i++) {
      const t = this.items[i]!;
      if (!this.removed.has(t.id) && visit(t)) return;
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

export class CandidateIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly removed = new Set<string>();
  /** Buckets each window may serve; skills and staff do not change during one index's life. */
  private readonly servable = new WeakMap<RoutingWindow, Bucket[]>();
  private size = 0;

  constructor(tickets: Iterable<RoutingTicket>) {
    for (const t of tickets) {
      const key = `${t.serviceId}\u0000${t.stage}`;
      let b = this.buckets.get(key);
      if (!b) {
        b = {
          serviceId: t.serviceId,
          stage: t.stage,
          priority: new Lane(this.removed),
          appointments: new Lane(this.removed),
          normal: new Lane(this.removed),
        };
        this.buckets.set(key, b);
      }
      (t.priority ? b.priority : t.appointmentAt !== null ? b.appointments : b.normal).push(t);
      this.size++;
    }
    for (const b of this.buckets.values()) {
      b.priority.sort();
      b.appointments.sort();
      b.normal.sort();
    }
  }

  get remaining(): number {
    return this.size;
  }

  remove(ticketId: string): void {
    if (!this.removed.has(ticketId)) {
      this.removed.add(ticketId);
      this.size--;
    }
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
    for (const b of buckets) {
      const p = b.priority.first();
      if (p) candidates.push(p);
      const n = b.normal.first();
      if (n) candidates.push(n);
      // Appointments are few: each may be due or not at `now`, so the earliest of each kind.
      let due: RoutingTicket | undefined;
      let notDue: RoutingTicket | undefined;
      const early = ctx.policy.appointmentEarlySeconds * 1000;
      b.appointments.scan((a) => {
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
