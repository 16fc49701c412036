import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { BODY_LIMIT, jsonBody, plainJsonBody } from './body';

// `jsonBody` reads plain JSON bodies itself (and the lean issue path with it); it must take from a
// body exactly what body-parser takes, and fail where it fails.
describe('jsonBody', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    const answer = (req: express.Request, res: express.Response) => res.json({ body: req.body as unknown });
    app.post('/own', jsonBody, answer);
    app.post('/parser', express.json({ limit: BODY_LIMIT, strict: false, type: () => true }), answer);
    app.use(((error, _req, res, _next) => {
      const e = error as { code?: string; type?: string };
      res.status(400).json({ error: e.type === 'entity.parse.failed' || e.code === 'invalid_json' ? 'invalid_json' : 'other' });
    }) as express.ErrorRequestHandler);
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends the body in the given pieces (each written on its own), with its length. */
  function send(path: string, pieces: Buffer[], type = 'application/json'): Promise<string> {
    const length = pieces.reduce((n, p) => n + p.length, 0);
    return new Promise((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method: 'POST', headers: { 'content-type': type, 'content-length': String(length) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(`${res.statusCode} ${text}`));
      });
      req.on('error', reject);
      let k = 0;
      const next = (): void => {
        if (k === pieces.length) return void req.end();
        req.write(pieces[k++]);
        setTimeout(next, 5);
      };
      next();
    });
  }

  const bodies: Array<[string, Buffer[]]> = [
    ['an object', [Buffer.from('{"serviceId":"svc-reg"}')]],
    ['a byte order mark', [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]],
    ['a number', [Buffer.from('42')]],
    ['null', [Buffer.from('null')]],
    ['white space only', [Buffer.from('   ')]],
    ['broken JSON', [Buffer.from('{"a":')]],
    ['several pieces, one character split between two', (() => {
      const b = Buffer.from('{"name":"李四","n":[1,2,3]}');
      return [b.subarray(0, 10), b.subarray(10, 11), b.subarray(11)];
    })()],
  ];

  test.each(bodies)('%s: the same as body-parser', async (_name, pieces) => {
    expect(plainJsonBody({ 'content-type': 'application/json', 'content-length': String(pieces.reduce((n, p) => n + p.length, 0)) })).toBe(true);
    expect(await send('/own', pieces)).toBe(await send('/parser', pieces));
  });

  test('takes only plain bodies itself', () => {
    expect(plainJsonBody({ 'content-type': 'application/json; charset=utf-8', 'content-length': '10' })).toBe(true);
    expect(plainJsonBody({ 'content-type': 'application/json; charset=latin1', 'content-length': '10' })).toBe(false);
    expect(plainJsonBody({ 'content-type': 'application/merge-patch+json', 'content-length': '10' })).toBe(false);
    expect(plainJsonBody({ 'content-type': 'application/json', 'content-length': String(BODY_LIMIT + 1) })).toBe(false);
    expect(plainJsonBody({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' })).toBe(false);
    expect(plainJsonBody({ 'content-type': 'application/json', 'content-length': '10', 'content-encoding': 'gzip' })).toBe(false);
  });
});
