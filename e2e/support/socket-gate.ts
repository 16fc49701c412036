// A loopback proxy in front of the hall server that can drop the realtime socket while plain HTTP
// keeps working, the way a guest Wi-Fi or a captive proxy that refuses WebSockets does: with the
// gate down, open sockets are cut, WebSocket upgrades are refused and Socket.IO's HTTP polling
// answers 503; every other request goes through. Pages opened through `url` see the cut for real
// (no browser mocking), so their own retry logic runs unchanged.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export interface SocketGate {
  url: string;
  /** Cuts open sockets and refuses new ones until `up()`. */
  down(): void;
  up(): void;
  /** Requests that went through, by path (to count a page's own looks at the API). */
  requests: string[];
  /** Socket connections refused while down (the page's reconnection attempts). */
  refused(): number;
  close(): Promise<void>;
}

export async function startSocketGate(target: string): Promise<SocketGate> {
  const to = new URL(target);
  let isDown = false;
  let refused = 0;
  const requests: string[] = [];
  const tunnels = new Set<Duplex>();

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (isDown && path.startsWith('/socket.io/')) {
      refused += 1;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('realtime is down');
      return;
    }
    requests.push(path);
    const upstream = http.request({ host: to.hostname, port: to.port, method: req.method, path, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (isDown) {
      refused += 1;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(to.port), to.hostname, () => {
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const cut = (): void => {
      tunnels.delete(socket);
      socket.destroy();
      upstream.destroy();
    };
    tunnels.add(socket);
    upstream.on('error', cut);
    socket.on('error', cut);
    upstream.on('close', cut);
    socket.on('close', cut);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    refused: () => refused,
    down() {
      isDown = true;
      for (const socket of [...tunnels]) socket.destroy();
    },
    up() {
      isDown = false;
    },
    async close() {
      for (const socket of [...tunnels]) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
