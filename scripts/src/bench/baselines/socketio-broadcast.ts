// Baseline: a bare Socket.IO server that broadcasts one `ticket.called`-sized payload to every
// client when asked over HTTP, and answers once the broadcast is handed to the sockets.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

let seq = 0;
const http = createServer((req, res) => {
  if (req.url === '/api/v1/health') {
    res.end('{"ok":true}');
    return;
  }
  if (req.method === 'POST' && req.url === '/emit') {
    req.resume();
    req.on('end', () => {
      seq++;
      io.to('hall').emit('ticket.called', {
        seq,
        type: 'ticket.called',
        at: new Date().toISOString(),
        hallId: 'bench',
        actor: { kind: 'staff', id: 'staff-1' },
        ticketId: `t${seq}`,
        number: `A${String(seq).padStart(3, '0')}`,
        serviceId: 'svc',
        windowId: 'win-1',
        windowNumber: 1,
        recall: false,
        staffId: 'staff-1',
        stage: 0,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ seq }));
    });
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => void socket.join('hall'));
http.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
