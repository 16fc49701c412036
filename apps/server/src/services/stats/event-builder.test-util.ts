// Builds hall events by hand for KPI tests: each call appends one event with the next seq, shaped
// as the server writes them (ticket-flow-service, window-service, issue-service).
import type { Actor, HallEvent, RatingLevel, WindowState } from '@hallq/shared';

const STAFF: Actor = { kind: 'staff', id: 'staff' };

interface AtWindow {
  serviceId: string;
  stage: number;
  windowId: string;
  windowNumber: number;
  staffId: string | null;
}

export const windowIdOf = (n: number): string => `win-${n}`;

export class EventLog {
  readonly events: HallEvent[] = [];
  private readonly tickets = new Map<string, AtWindow & { number: string }>();

  constructor(private readonly hallId = 'h1') {}

  private push(type: HallEvent['type'], at: string, payload: object, actor: Actor = STAFF): this {
    this.events.push({ ...payload, seq: this.events.length + 1, type, at: new Date(at).toISOString(), hallId: this.hallId, actor } as HallEvent);
    return this;
  }
  private t(ticketId: string) {
    const t = this.tickets.get(ticketId);
    if (!t) throw new Error(`ticket ${ticketId} was not issued in this log`);
    return t;
  }

  issue(ticketId: string, serviceId: string, at: string): this {
    const number = `A${String(this.tickets.size + 1).padStart(3, '0')}`;
    this.tickets.set(ticketId, { number, serviceId, stage: 0, windowId: '', windowNumber: 0, staffId: null });
    return this.push('ticket.issued', at, {
      ticket: {
        id: ticketId, number, serviceId, stage: 0, status: 'waiting', priority: false, appointmentCode: null, appointmentAt: null, lang: 'zh',
        issuedAt: new Date(at).toISOString(), serviceDate: at.slice(0, 10), calledAt: null, startedAt: null, finishedAt: null,
        windowId: null, windowNumber: null, staffId: null, peopleAhead: 0, estimatedWaitSeconds: null,
      },
    }, { kind: 'device', id: 'kiosk' });
  }
  call(ticketId: string, windowNumber: number, staffId: string, at: string): this {
    const t = this.t(ticketId);
    Object.assign(t, { windowId: windowIdOf(windowNumber), windowNumber, staffId });
    return this.push('ticket.called', at, {
      ticketId, number: t.number, serviceId: t.serviceId, windowId: t.windowId, windowNumber, recall: false, staffId, stage: t.stage,
    });
  }
  recall(ticketId: string, at: string): this {
    const t = this.t(ticketId);
    return this.push('ticket.recalled', at, { ticketId, number: t.number, serviceId: t.serviceId, windowId: t.windowId, windowNumber: t.windowNumber, recall: true });
  }
  start(ticketId: string, at: string): this {
    const t = this.t(ticketId);
    return this.push('ticket.started', at, { ticketId, number: t.number, serviceId: t.serviceId, windowId: t.windowId, windowNumber: t.windowNumber, staffId: t.staffId, stage: t.stage });
  }
  complete(ticketId: string, at: string, firstTimeAccepted: boolean | null): this {
    const t = this.t(ticketId);
    return this.push('ticket.completed', at, {
      ticketId, number: t.number, serviceId: t.serviceId, stage: t.stage, windowId: t.windowId, windowNumber: t.windowNumber, staffId: t.staffId, firstTimeAccepted,
    });
  }
  noShow(ticketId: string, at: string): this {
    const t = this.t(ticketId);
    return this.push('ticket.no_show', at, { ticketId, number: t.number, serviceId: t.serviceId, windowId: t.windowId, windowNumber: t.windowNumber, staffId: t.staffId, stage: t.stage });
  }
  transfer(ticketId: string, at: string, to: { serviceId?: string; stage: number }): this {
    const t = this.t(ticketId);
    const payload = {
      ticketId, number: t.number, fromServiceId: t.serviceId, fromStage: t.stage, serviceId: to.serviceId ?? t.serviceId, stage: to.stage, windowId: t.windowId, staffId: t.staffId,
    };
    Object.assign(t, { serviceId: payload.serviceId, stage: to.stage });
    return this.push('ticket.transferred', at, payload);
  }
  cancel(ticketId: string, at: string, by: 'staff' | 'visitor' = 'visitor'): this {
    const t = this.t(ticketId);
    return this.push('ticket.cancelled', at, { ticketId, number: t.number, serviceId: t.serviceId, by }, by === 'visitor' ? { kind: 'visitor', id: null } : STAFF);
  }
  rate(ticketId: string, at: string, level: RatingLevel): this {
    const t = this.t(ticketId);
    return this.push('ticket.rated', at, {
      ticketId, number: t.number, serviceId: t.serviceId, windowId: t.windowId || null, staffId: t.staffId, level, bad: level >= 4, by: 'rating-pad',
    });
  }
  window(windowNumber: number, state: WindowState, at: string, staffId: string | null = null): this {
    return this.push('window.changed', at, {
      window: { id: windowIdOf(windowNumber), number: windowNumber, zone: 'A', state, staffId, pauseReason: null, skills: [], current: null },
    });
  }
}
