// A hall's event log made up for tests and the city benchmark: tickets issued, called, served and
// completed (some no-shows, cancellations and ratings), shaped as the hall server emits them.
import type { HallEvent } from '@hallq/shared';

export interface SimulatedHallOptions {
  hallId: string;
  /** ms since epoch of the first event */
  start: number;
  services?: string[];
  /** deterministic variety without a clock or Math.random */
  seed?: number;
}

export class SimulatedHall {
  private seq = 0;
  private n = 0;
  private state: number;
  readonly services: string[];
  private readonly waiting: Array<{ id: string; number: string; serviceId: string }> = [];

  constructor(private readonly opts: SimulatedHallOptions) {
    this.services = opts.services ?? ['svc-a', 'svc-b', 'svc-c'];
    this.state = (opts.seed ?? 1) >>> 0 || 1;
  }

  get lastSeq(): number {
    return this.seq;
  }

  private rand(): number {
    // xorshift32: the same seed gives the same day
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }

  private event(type: HallEvent['type'], at: number, payload: object): HallEvent {
    this.seq += 1;
    return { ...payload, seq: this.seq, type, at: new Date(at).toISOString(), hallId: this.opts.hallId, actor: { kind: 'system', id: null } } as HallEvent;
  }

  /** One ticket's life (about six events): issued, then called, started and completed, with variety. */
  ticket(at: number): HallEvent[] {
    this.n += 1;
    const serviceId = this.services[this.n % this.services.length]!;
    const id = `${this.opts.hallId}-t${this.n}`;
    const number = `A${String(this.n).padStart(3, '0')}`;
    const window = 1 + (this.n % 8);
    const call = { ticketId: id, number, serviceId, windowId: `win-${window}`, windowNumber: window };
    const wait = Math.round(this.rand() * 3_600_000);
    const out: HallEvent[] = [
      this.event('ticket.issued', at, {
        ticket: {
          id, number, serviceId, stage: 0, status: 'waiting', priority: false, appointmentCode: null, appointmentAt: null, lang: 'zh',
          issuedAt: new Date(at).toISOString(), serviceDate: new Date(at).toISOString().slice(0, 10), calledAt: null, startedAt: null,
          finishedAt: null, windowId: null, windowNumber: null, staffId: null, peopleAhead: 0, estimatedWaitSeconds: 600,
        },
      }),
    ];
    const r = this.rand();
    if (r < 0.05) {
      out.push(this.event('ticket.cancelled', at + 60_000, { ticketId: id, number, serviceId, by: 'visitor' }));
      return out;
    }
    out.push(this.event('ticket.called', at + wait, { ...call, recall: false, staffId: `s${window}`, stage: 0 }));
    if (r < 0.1) {
      out.push(this.event('ticket.no_show', at + wait + 120_000, { ...call, staffId: `s${window}`, stage: 0 }));
      return out;
    }
    out.push(this.event('ticket.started', at + wait + 30_000, { ...call, staffId: `s${window}`, stage: 0 }));
    out.push(this.event('ticket.completed', at + wait + 630_000, { ...call, stage: 0, staffId: `s${window}`, firstTimeAccepted: r < 0.8 }));
    const level = 1 + Math.floor(this.rand() * 5);
    out.push(this.event('ticket.rated', at + wait + 660_000, { ticketId: id, number, serviceId, windowId: call.windowId, staffId: `s${window}`, level, bad: level >= 4, by: 'rating-pad' }));
    return out;
  }

  /** Just an issue: a ticket left waiting. */
  issueOnly(at: number): HallEvent[] {
    this.n += 1;
    const serviceId = this.services[this.n % this.services.length]!;
    const id = `${this.opts.hallId}-t${this.n}`;
    const t = { id, number: `A${this.n}`, serviceId, stage: 0, status: 'waiting', issuedAt: new Date(at).toISOString(), estimatedWaitSeconds: 300 };
    this.waiting.push({ id, number: t.number, serviceId });
    return [this.event('ticket.issued', at, { ticket: t })];
  }

  /** `count` tickets' events from `start`, one ticket every `everyMs`. */
  day(count: number, everyMs = 60_000): HallEvent[] {
    const out: HallEvent[] = [];
    for (let i = 0; i < count; i++) out.push(...this.ticket(this.opts.start + i * everyMs));
    return out;
  }
}
