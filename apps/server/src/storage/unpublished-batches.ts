// The write path's committed batches that wait for their flush (or for an earlier batch's), in
// commit order, and what the rest of the server may ask of them meanwhile: whether one touched a
// ticket (what the mirror says of it may not be told yet), and each hall's last published seq.
import type { Outcome } from './batch-transaction';
import type { BatchState, Tx } from './tx';

/** A committed batch not yet published; `P`: how its callers are answered. */
export interface Unpublished<P> {
  batch: P[];
  outcomes: Outcome[];
  committed: Tx[];
  state: BatchState;
  applied: unknown;
  /** `apply` threw: the batch is still answered in its turn, then the error is thrown again. */
  applyError?: unknown;
  /** The flush generation that makes it durable (0: it wrote nothing, or there is no flush). */
  needs: number;
  /** The tickets it touched. */
  tickets: string[];
  /** The first event seq of each hall it appended to. */
  firstSeqs: Map<string, number>;
}

export class UnpublishedBatches<P> implements Iterable<Unpublished<P>> {
  private list: Array<Unpublished<P>> = [];
  /** Tickets touched by these batches (how many of them). */
  private readonly tickets = new Map<string, number>();

  get length(): number {
    return this.list.length;
  }

  /** The oldest. */
  get head(): Unpublished<P> | undefined {
    return this.list[0];
  }

  [Symbol.iterator](): Iterator<Unpublished<P>> {
    return this.list[Symbol.iterator]();
  }

  /** A batch has just committed: it waits, behind those before it. */
  add(batch: Omit<Unpublished<P>, 'tickets' | 'firstSeqs'>): Unpublished<P> {
    const u: Unpublished<P> = { ...batch, tickets: [], firstSeqs: new Map() };
    for (const tx of u.committed) {
      for (const e of tx.effects) if (e.kind === 'ticket') u.tickets.push(e.ticketId);
      for (const ev of tx.events) if (!u.firstSeqs.has(ev.hallId) || ev.seq < u.firstSeqs.get(ev.hallId)!) u.firstSeqs.set(ev.hallId, ev.seq);
    }
    for (const id of u.tickets) this.tickets.set(id, (this.tickets.get(id) ?? 0) + 1);
    this.list.push(u);
    return u;
  }

  /** The oldest leaves, to be published. */
  shift(): Unpublished<P> {
    const u = this.list.shift()!;
    for (const id of u.tickets) {
      const n = this.tickets.get(id)! - 1;
      if (n === 0) this.tickets.delete(id);
      else this.tickets.set(id, n);
    }
    return u;
  }

  /** Every batch leaves at once, never to be published (the write path failed). */
  clear(): Array<Unpublished<P>> {
    const all = this.list;
    this.list = [];
    this.tickets.clear();
    return all;
  }

  /** Whether one of these batches touched the ticket. */
  touched(ticketId: string): boolean {
    return this.tickets.has(ticketId);
  }

  /**
   * The hall's last event seq that has been published, or undefined when none of these batches
   * has events of the hall (then every event in the log is published).
   */
  publishedSeq(hallId: string): number | undefined {
    for (const u of this.list) {
      const first = u.firstSeqs.get(hallId);
      if (first !== undefined) return first - 1;
    }
    return undefined;
  }
}
