// Memory of the hall server on a busy day: N connected screens and M tickets issued today.
import { io } from 'socket.io-client';
import autocannon from 'autocannon';
import { mb, sleep } from './measure';
import { openDemoHall } from './hall-setup';
import { startHallServer } from './processes';
import type { Row } from './report';

export async function benchMemory(quick: boolean): Promise<Row[]> {
  const sockets = quick ? 200 : 1000;
  const tickets = quick ? 10_000 : 100_000;
  const hall = await startHallServer();
  try {
    await sleep(500);
    const idle = hall.rssBytes();
    const demo = await openDemoHall(hall.url);
    const serviceIds = demo.config.services.map((s) => s.id);
    // Spread the day's tickets over every service, as a hall's kiosks would.
    let i = 0;
    await autocannon({
      url: `${hall.url}/api/v1/halls/demo/tickets`,
      method: 'POST',
      connections: 32,
      amount: tickets,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.kioskToken}` },
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ serviceId: serviceIds[i++ % serviceIds.length] }) }) }],
    } as unknown as autocannon.Options);
    const clients = [];
    for (let k = 0; k < sockets; k++) {
      const s = io(hall.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: demo.displayToken } });
      s.on('hello', (h: { seq: number; hallId: string }) => s.emit('resume', { hallId: h.hallId, afterSeq: h.seq }));
      clients.push(s);
      if (k % 50 === 49) await sleep(20);
    }
    await sleep(2000);
    const loaded = hall.rssBytes();
    clients.forEach((s) => s.close());
    const suite = `memory (${sockets} sockets, ${tickets} tickets today)`;
    return [
      { suite, figure: 'server RSS idle', value: mb(idle), unit: 'MB' },
      { suite, figure: 'server RSS loaded', value: mb(loaded), unit: 'MB', baseline: { name: 'idle', value: mb(idle) }, ratio: loaded / idle, goal: '< 200 MB', met: loaded < 200 * 1024 * 1024 },
    ];
  } finally {
    await hall.stop();
  }
}
