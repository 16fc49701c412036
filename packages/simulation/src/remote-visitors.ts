// Visitors who take their place from home (the remote queue), as the simulator plays them: a
// remote ticket keeps its place but is not called before its holder arrives (routing rule R9);
// some holders never come, some come late. As on the server, a ticket whose turn came while its
// holder was away is passed over and kept for the grace time, then expires. The turn is taken to
// have come when a ticket of the same service queued after it is called (the lane's front passed it).
import { updateShare } from '@hallq/shared';
import type { SimTicket } from './sim-ticket';

/** Before any remote holder has come or expired: most people who queue from home come. */
export const INITIAL_SHOW_SHARE = 0.8;

interface Held {
  ticket: SimTicket;
  passedOverAt: number | null;
  comes: boolean;
}

export class RemoteHolding {
  private readonly held = new Map<SimTicket, Held>();
  /** Learned like the server's: the share of remote holders who arrived (of those who arrived or expired). */
  showShare = INITIAL_SHOW_SHARE;
  expired = 0;
  /** The expired tickets, in order. */
  readonly expiredTickets: SimTicket[] = [];

  constructor(
    private readonly graceMs: number,
    private readonly alpha?: number,
  ) {}

  /**
   * A copy with each held ticket mapped by `ticket` (a copy of the hall) and whether its holder
   * comes decided again by `comes` (a replay: nobody knows it while the holder is away).
   */
  copy(ticket: (t: SimTicket) => SimTicket, comes: (t: SimTicket) => boolean): RemoteHolding {
    const c = new RemoteHolding(this.graceMs, this.alpha);
    c.showShare = this.showShare;
    c.expired = this.expired;
    for (const h of this.held.values()) {
      const t = ticket(h.ticket);
      c.held.set(t, { ticket: t, passedOverAt: h.passedOverAt, comes: comes(t) });
    }
    return c;
  }

  hold(ticket: SimTicket, comes: boolean): void {
    ticket.away = true;
    this.held.set(ticket, { ticket, passedOverAt: null, comes });
  }

  /** A ticket was called: held tickets of its service queued before it have been passed over. */
  onCall(called: SimTicket, now: number): void {
    for (const h of this.held.values()) {
      if (h.passedOverAt === null && h.ticket.serviceId === called.serviceId && h.ticket.queuedAt < called.queuedAt) h.passedOverAt = now;
    }
    this.expireDue(now);
  }

  /** The holder walks in: back in the queue in its place, unless the grace time is over. */
  arrive(ticket: SimTicket, now: number): 'join' | 'expired' {
    const h = this.held.get(ticket);
    if (!h) return 'expired';
    this.held.delete(ticket);
    if (h.passedOverAt !== null && now >= h.passedOverAt + this.graceMs) {
      this.expire(ticket);
      return 'expired';
    }
    ticket.away = false;
    this.showShare = updateShare(this.showShare, true, this.alpha);
    return 'join';
  }

  /** Passed-over tickets whose grace is over (only those whose holder never comes are still here then). */
  expireDue(now: number): void {
    for (const h of this.held.values()) {
      if (h.passedOverAt !== null && now >= h.passedOverAt + this.graceMs && !h.comes) {
        this.held.delete(h.ticket);
        this.expire(h.ticket);
      }
    }
  }

  private expire(ticket: SimTicket): void {
    this.expired++;
    this.expiredTickets.push(ticket);
    this.showShare = updateShare(this.showShare, false, this.alpha);
  }

  /** Tickets held for their absent holders, for the wait estimator (E4). */
  away(): SimTicket[] {
    return [...this.held.values()].map((h) => h.ticket);
  }
}
