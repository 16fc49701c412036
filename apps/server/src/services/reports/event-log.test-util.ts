// Builds hall events by hand for report tests: each call appends one event with the next seq.
import type { Actor, HallEvent, RatingLevel, WindowState } from '@hallq/shared';

const STAFF: Actor = { kind: 'staff', id: 'staff' };

interface Current {
  number: string;
  serviceId: string;
  stage: number;
  windowId: string;
  windowNumber: number;
  staffId: string;
}

export class EventLog {
  readonly events: HallEvent[] = [];
  private readonly current = new Map<string, Current>();

  constructor(private readonly hallId = 'h1') {}

  private push(type: HallEvent['type'], at: string, payload: object, actor: Actor = STAFF): void {
    this.events.push({ ...payload, seq: this.events.length + 1, type, at: new Date(at).toISOString(), hallId: this.hallId, actor } as HallEvent);
  }
  private of(ticketId: string): Current {
    return this.current.get(ticketId)!;
  }

  issue(ticketId: string, serviceId: string, at: string, number: string): this {
    this.current.set(ticketId, { number, serviceId, stage: 0, windowId: '', windowNumber: 0, staffId: '' });
    this.push('ticket.issued', at, {
      ticket: {
        id: ticketId, number, serviceId, stage: 0, status: 'waiting', priority: false, appointmentCode: null, appointmentAt: null, lang: 'zh',
        issuedAt: new Date(at).toISOString(), serviceDate: at.slice(0, 10), calledAt: null, startedAt: null, finishedAt: null,
        windowId: null, windowNumber: null, staffId: null, peopleAhead: 0, estimatedWaitSeconds: null,
      },
    }, { kind: 'device', id: 'kiosk' });
    return this;
  }

  call(ticketId: string, windowNumber: number, staffId: string, at: string): this {
    const c = Object.assign(this.of(ticketId), { windowId: `win-${windowNumber}`, windowNumber, staffId });
    this.push('ticket.called', at, { ticketId, number: c.number, serviceId: c.serviceId, windowId: c.windowId, windowNumber, recall: false, staffId, stage: c.stage });
    return this;
  }

  start(ticketId: string, at: string): this {
    const c = this.of(ticketId);
    this.push('ticket.started', at, { ticketId, number: c.number, serviceId: c.serviceId, windowId: c.windowId, windowNumber: c.windowNumber, staffId: c.staffId, stage: c.stage });
    return this;
  }

  complete(ticketId: string, at: string, firstTimeAccepted: boolean | null): this {
    const c = this.of(ticketId);
    this.push('ticket.completed', at, {
      ticketId, number: c.number, serviceId: c.serviceId, stage: c.stage, windowId: c.windowId, windowNumber: c.windowNumber, staffId: c.staffId, firstTimeAccepted,
    });
    return this;
  }

  noShow(ticketId: string, at: string): this {
    const c = this.of(ticketId);
    this.push('ticket.no_show', at, { ticketId, number: c.number, serviceId: c.serviceId, windowId: c.windowId, windowNumber: c.windowNumber, staffId: c.staffId, stage: c.stage });
    return this;
  }

  transfer(ticketId: string, at: string, serviceId: string, stage: number): this {
    const c = this.of(ticketId);
    this.push('ticket.transferred', at, {
      ticketId, number: c.number, fromServiceId: c.serviceId, fromStage: c.stage, serviceId, stage, windowId: c.windowId, staffId: c.staffId,
    });
    Object.assign(c, { serviceId, stage });
    return this;
  }

  rate(ticketId: string, at: string, level: RatingLevel): this {
    const c = this.of(ticketId);
    this.push('ticket.rated', at, {
      ticketId, number: c.number, serviceId: c.serviceId, windowId: c.windowId, staffId: c.staffId, level, bad: level >= 4, by: 'rating-pad',
    }, { kind: 'device', id: 'pad' });
    return this;
  }

  window(windowNumber: number, state: WindowState, at: string): this {
    this.push('window.changed', at, {
      window: { id: `win-${windowNumber}`, number: windowNumber, zone: 'A', state, staffId: null, pauseReason: null, skills: [], current: null },
    });
    return this;
  }
}
