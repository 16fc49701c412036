// A stand-in hall server speaking the realtime contract (hello, resume -> replay or snapshot),
// for the client's tests.
import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { HallEvent, QueueSnapshot } from '@hallq/shared';

export function fakeHall(opts: { protocolVersion?: number; snapshot?: (seq: number) => QueueSnapshot } = {}) {
  const http: HttpServer = createServer();
  const io = new Server(http);
  const events: HallEvent[] = [];
  const resumes: number[] = [];
  const snapshot = (): QueueSnapshot => opts.snapshot?.(events.length) ?? ({ seq: events.length, hallId: 'h', at: '', waiting: [], windows: [], recentCalls: [], services: [], notices: [] });
  io.on('connection', (socket) => {
    if (socket.handshake.auth.token !== 'good') {
      socket.disconnect(true);
      return;
    }
    socket.emit('hello', { protocolVersion: opts.protocolVersion ?? 1, hallId: 'h', seq: events.length, role: 'display' });
    socket.on('resume', ({ afterSeq }: { afterSeq: number }) => {
      resumes.push(afterSeq);
      if (afterSeq === 0) socket.emit('snapshot', snapshot());
      else for (const e of events.slice(afterSeq)) socket.emit(e.type, e as never);
      void socket.join('hall');
    });
  });
  const add = (n: number, patch: Partial<HallEvent> = {}): HallEvent => {
    const e = {
      seq: events.length + 1,
      type: 'ticket.called',
      at: new Date().toISOString(),
      hallId: 'h',
      actor: { kind: 'staff', id: 's' },
      ticketId: `t${n}`,
      number: `A${String(n).padStart(3, '0')}`,
      serviceId: 'svc',
      windowId: 'w',
      windowNumber: 1,
      recall: false,
      staffId: null,
      stage: 0,
      ...patch,
    } as HallEvent;
    events.push(e);
    return e;
  };
  return { http, io, events, resumes, add };
}

export const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not reached');
};

