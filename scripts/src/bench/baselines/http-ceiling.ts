// Baseline: a bare node:http server answering a constant JSON, i.e. the runtime's ceiling.
import { createServer } from 'node:http';

const BODY = JSON.stringify({ ticket: { id: 'bench', number: 'A001', status: 'waiting' } });
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    res.end(req.method === 'POST' ? BODY : '{"ok":true}');
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
