// Web Push subscriptions of visitors' phones, one per ticket and browser endpoint. They hold no
// personal data (an endpoint URL and keys) and go with the ticket: removed once it is finished.
import type { Db } from './db';

export interface StoredPushSubscription {
  ticketId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  aheadThreshold: number;
  notifiedAhead: boolean;
  notifiedCalled: boolean;
}

interface Row {
  ticket_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  ahead_threshold: number;
  notified_ahead: number;
  notified_called: number;
}

const toSub = (r: Row): StoredPushSubscription => ({
  ticketId: r.ticket_id,
  endpoint: r.endpoint,
  p256dh: r.p256dh,
  auth: r.auth,
  aheadThreshold: r.ahead_threshold,
  notifiedAhead: r.notified_ahead === 1,
  notifiedCalled: r.notified_called === 1,
});

/** At most this many browsers follow one ticket. */
export const MAX_SUBSCRIPTIONS_PER_TICKET = 5;

export class PushRepo {
  /**
   * Tickets that may have a subscription: every ticket one was written for since start (a write
   * later undone stays here: it costs one look more), less those looked up and found without any.
   * Read from the table at the first question. Most tickets have none, so a call or a cancel
   * usually needs no statement to know that nobody follows it.
   */
  private followed: Set<string> | null = null;
  private readonly byTicket;
  constructor(private readonly db: Db) {
    this.byTicket = db.prepare<[string], Row>('SELECT * FROM push_subscriptions WHERE ticket_id = ?');
  }

  private followedTickets(): Set<string> {
    this.followed ??= new Set(this.db.prepare<[], { ticket_id: string }>('SELECT DISTINCT ticket_id FROM push_subscriptions').all().map((r) => r.ticket_id));
    return this.followed;
  }

  /**
   * The ticket's subscriptions, asked after a commit (outside any transaction): a ticket nobody
   * follows is answered from memory.
   */
  committedOfTicket(ticketId: string): StoredPushSubscription[] {
    const followed = this.followedTickets();
    if (!followed.has(ticketId)) return [];
    const subs = this.ofTicket(ticketId);
    if (subs.length === 0) followed.delete(ticketId);
    return subs;
  }

  /** Adds or renews a subscription; false when the ticket already has the most it may have. */
  put(s: { ticketId: string; endpoint: string; p256dh: string; auth: string; aheadThreshold: number; createdAt: number }): boolean {
    const existing = this.db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM push_subscriptions WHERE ticket_id = ? AND endpoint = ?').get(s.ticketId, s.endpoint)!.n;
    if (existing === 0 && this.ofTicket(s.ticketId).length >= MAX_SUBSCRIPTIONS_PER_TICKET) return false;
    this.followedTickets().add(s.ticketId);
    this.db
      .prepare(
        `INSERT INTO push_subscriptions (ticket_id, endpoint, p256dh, auth, ahead_threshold, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (ticket_id, endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, ahead_threshold = excluded.ahead_threshold`,
      )
      .run(s.ticketId, s.endpoint, s.p256dh, s.auth, s.aheadThreshold, s.createdAt);
    return true;
  }

  ofTicket(ticketId: string): StoredPushSubscription[] {
    return this.byTicket.all(ticketId).map(toSub);
  }

  /** Subscriptions of waiting tickets still to be told that their turn is near. */
  awaitingAhead(): StoredPushSubscription[] {
    return this.db
      .prepare<[], Row>(
        `SELECT p.* FROM push_subscriptions p JOIN tickets t ON t.id = p.ticket_id
         WHERE p.notified_ahead = 0 AND t.status = 'waiting'`,
      )
      .all()
      .map(toSub);
  }

  markAhead(ticketId: string, endpoint: string): void {
    this.db.prepare('UPDATE push_subscriptions SET notified_ahead = 1 WHERE ticket_id = ? AND endpoint = ?').run(ticketId, endpoint);
  }
  markCalled(ticketId: string, endpoint: string): void {
    this.db.prepare('UPDATE push_subscriptions SET notified_called = 1, notified_ahead = 1 WHERE ticket_id = ? AND endpoint = ?').run(ticketId, endpoint);
  }
  remove(ticketId: string, endpoint: string): void {
    this.db.prepare('DELETE FROM push_subscriptions WHERE ticket_id = ? AND endpoint = ?').run(ticketId, endpoint);
  }
  removeOfTicket(ticketId: string): void {
    this.db.prepare('DELETE FROM push_subscriptions WHERE ticket_id = ?').run(ticketId);
  }
}
