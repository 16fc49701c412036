// The visitor's phone live: a socket connected with `auth: {publicId}` (no token) follows one
// ticket. It gets `ticket.status` (the data of GET /public/tickets/:publicId) at once, after every
// change of the ticket (right after the commit), and after every estimate refresh of its hall that
// changed its place or its wait; nothing about any other ticket. Unchanged statuses are not resent.
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { PublicTicketStatus } from '@hallq/shared';
import { checkKnownTicket, checkUnknownTicket, type Limits } from '../http/limits';
import type { Core } from '../services/core';
import { AppError } from '../services/errors';
import { publicStatusOf } from '../services/public-status';
import type { Tx } from '../storage/tx';

export const ticketRoom = (ticketId: string): string => `ticket:${ticketId}`;

interface Follow {
  hallId: string;
  sockets: number;
  /** The last status sent, as JSON: a refresh that changes nothing for this phone sends nothing. */
  last: string;
}

/** What a phone socket carries after the handshake. */
export interface PhoneSocketData {
  phone?: { ticketId: string; hallId: string };
}

type Emitter = { to(room: string): { emit(event: 'ticket.status', status: PublicTicketStatus): unknown } };

export class PhoneFeed {
  private io: Emitter | null = null;
  private readonly follows = new Map<string, Follow>();
  private readonly byHall = new Map<string, Set<string>>();

  constructor(
    private readonly core: Core,
    private readonly limits: Limits,
    private readonly logger: Logger,
    /** The client's address as Express sees it (TRUST_PROXY applies). */
    private readonly addressOf: (req: IncomingMessage) => string,
  ) {}

  /** Tickets changed by a committed batch not yet published (the write path's pipeline). */
  private unpublished: (ticketId: string) => boolean = () => false;

  /** What the mirror says of these tickets is not pushed until their batch is published. */
  holdWhile(unpublished: (ticketId: string) => boolean): void {
    this.unpublished = unpublished;
  }

  attach(io: Emitter): void {
    this.io = io;
  }

  /**
   * The handshake of a phone socket: an unknown publicId is refused and counted against the
   * address (like a 404); a known one is limited per publicId (a reconnect storm is bounded).
   */
  authorize(publicId: string, req: IncomingMessage): { ticketId: string; hallId: string } {
    const t = publicId.length <= 100 ? this.core.repos.tickets.getByPublicId(publicId) : null;
    if (!t) {
      checkUnknownTicket(this.limits, this.addressOf(req));
      throw new AppError('not_found', 'ticket not found');
    }
    checkKnownTicket(this.limits, publicId);
    return { ticketId: t.id, hallId: t.hallId };
  }

  /** A phone socket is connected: join its ticket's room and send the status at once. */
  follow(socket: Socket, phone: { ticketId: string; hallId: string }): void {
    const room = ticketRoom(phone.ticketId);
    void socket.join(room);
    let f = this.follows.get(phone.ticketId);
    if (!f) {
      f = { hallId: phone.hallId, sockets: 0, last: '' };
      this.follows.set(phone.ticketId, f);
      const set = this.byHall.get(phone.hallId) ?? new Set<string>();
      set.add(phone.ticketId);
      this.byHall.set(phone.hallId, set);
    }
    f.sockets++;
    const status = this.statusOf(phone.ticketId);
    if (status) {
      f.last = JSON.stringify(status);
      socket.emit('ticket.status', status);
    }
    socket.once('disconnect', () => this.unfollow(phone.ticketId));
  }

  private unfollow(ticketId: string): void {
    const f = this.follows.get(ticketId);
    if (!f || --f.sockets > 0) return;
    this.follows.delete(ticketId);
    const set = this.byHall.get(f.hallId);
    set?.delete(ticketId);
    if (set?.size === 0) this.byHall.delete(f.hallId);
  }

  /** After a commit (the mirror already applied): the tickets it changed, or all of a hall whose configuration changed. */
  afterCommit(committed: Tx[]): void {
    if (this.follows.size === 0) return;
    const tickets = new Set<string>();
    for (const tx of committed) {
      for (const e of tx.effects) {
        if (e.kind === 'ticket' && this.follows.has(e.ticketId)) tickets.add(e.ticketId);
        else if (e.kind === 'config') for (const id of this.byHall.get(e.hallId) ?? []) tickets.add(id);
      }
    }
    // A ticket a later batch changed again (committed, not yet durable) is told by that batch.
    for (const id of tickets) if (!this.unpublished(id)) this.push(id);
  }

  /** After a hall's estimates were refreshed: every followed ticket still in its queue (place and wait). */
  afterEstimates(hallId: string): void {
    const ids = this.byHall.get(hallId);
    const m = this.core.mirror.get(hallId);
    if (!ids || !m) return;
    for (const id of ids) if (m.waiting.has(id) || m.atWindows.has(id)) this.push(id);
  }

  /** Tickets followed by at least one phone now. */
  get followed(): number {
    return this.follows.size;
  }

  private push(ticketId: string): void {
    const f = this.follows.get(ticketId);
    if (!f || !this.io) return;
    try {
      const status = this.statusOf(ticketId);
      if (!status) return;
      const json = JSON.stringify(status);
      if (json === f.last) return;
      f.last = json;
      this.io.to(ticketRoom(ticketId)).emit('ticket.status', status);
    } catch (err) {
      this.logger.error({ err, ticketId }, 'phone status push failed');
    }
  }

  private statusOf(ticketId: string): PublicTicketStatus | null {
    const f = this.follows.get(ticketId);
    // The mirror holds tickets at windows in full; a waiting ticket is read from SQLite.
    const live = f ? this.core.mirror.get(f.hallId)?.atWindows.get(ticketId) : undefined;
    const t = live ?? this.core.repos.tickets.get(ticketId);
    return t ? publicStatusOf(this.core, t) : null;
  }
}
