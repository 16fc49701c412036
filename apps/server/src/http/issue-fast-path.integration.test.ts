import http from 'node:http';
import { startTestServer, type TestServer } from '../test-support/test-server';

// The lean ticket-issue path must answer exactly as the Express route does: the same status,
// the same headers in the same order, the same body, for good and bad requests alike. Two
// servers are driven with the same requests, one with the path (the default) and one without
// (ISSUE_FAST_PATH=0); only the random ticket ids and the Date header may differ.

interface Raw {
  status: number;
  headers: string[];
  body: string;
}

function send(base: string, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!;
          raw.push(`${name}: ${name.toLowerCase() === 'date' ? '(date)' : res.rawHeaders[i + 1]}`);
        }
        resolve({ status: res.statusCode!, headers: raw, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The answer with the server's own random ids (ticket id, public id) and its port named by placeholders. */
function normalised(r: Raw): Raw {
  // Each server listens on a port of its own, which its status links carry.
  let body = r.body.replace(/http:\/\/127\.0\.0\.1:\d+\//g, 'http://127.0.0.1:(port)/');
  try {
    const t = (JSON.parse(r.body) as { ticket?: { id?: string; publicId?: string } }).ticket;
    if (t?.id) body = body.split(t.id).join('(id)');
    if (t?.publicId) body = body.split(t.publicId).join('(publicId)');
  } catch {
    // not JSON: compared as it is
  }
  return { ...r, body };
}

interface Case {
  name: string;
  method?: string;
  path?: string;
  token?: 'kiosk' | 'display' | 'none' | 'bogus' | 'staff';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The lean path answers it (otherwise Express does, in both servers). */
  fast: boolean;
  status: number;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const ok = JSON.stringify({ serviceId: 'svc-reg' });

const cases: Case[] = [
  { name: 'a ticket', headers: JSON_TYPE, body: ok, fast: true, status: 201 },
  { name: 'a priority ticket in English', headers: JSON_TYPE, body: JSON.stringify({ serviceId: 'svc-reg', priority: true, lang: 'en' }), fast: true, status: 201 },
  { name: 'by a staff member', token: 'staff', headers: JSON_TYPE, body: ok, fast: true, status: 201 },
  { name: 'charset utf-8', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: ok, fast: true, status: 201 },
  { name: 'a byte order mark', headers: JSON_TYPE, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ok)]), fast: true, status: 201 },
  { name: 'an unknown service', headers: JSON_TYPE, body: JSON.stringify({ serviceId: 'nope' }), fast: true, status: 404 },
  { name: 'another hall', path: '/api/v1/halls/elsewhere/tickets', headers: JSON_TYPE, body: ok, fast: true, status: 404 },
  { name: 'broken JSON', headers: JSON_TYPE, body: '{"serviceId":', fast: true, status: 400 },
  { name: 'JSON null', headers: JSON_TYPE, body: 'null', fast: true, status: 400 },
  { name: 'an unknown field', headers: JSON_TYPE, body: JSON.stringify({ serviceId: 'svc-reg', colour: 'red' }), fast: true, status: 400 },
  { name: 'no body', headers: { 'content-length': '0' }, fast: true, status: 400 },
  { name: 'no token', token: 'none', headers: JSON_TYPE, body: ok, fast: true, status: 401 },
  { name: 'a bogus token', token: 'bogus', headers: JSON_TYPE, body: ok, fast: true, status: 401 },
  { name: 'a display token', token: 'display', headers: JSON_TYPE, body: ok, fast: true, status: 403 },
  { name: 'a text body', headers: { 'content-type': 'text/plain' }, body: ok, fast: false, status: 415 },
  { name: 'a query', path: '/api/v1/halls/demo/tickets?x=1', headers: JSON_TYPE, body: ok, fast: false, status: 400 },
  { name: 'a body over 64 kB', headers: JSON_TYPE, body: JSON.stringify({ serviceId: 'svc-reg', pad: 'x'.repeat(70_000) }), fast: false, status: 413 },
  { name: 'an Idempotency-Key', headers: { ...JSON_TYPE, 'idempotency-key': 'k1' }, body: ok, fast: false, status: 201 },
  { name: 'the same Idempotency-Key again', headers: { ...JSON_TYPE, 'idempotency-key': 'k1' }, body: ok, fast: false, status: 201 },
  { name: 'a GET', method: 'GET', fast: false, status: 405 },
];

describe('the lean ticket-issue path', () => {
  let fast: TestServer;
  let slow: TestServer;
  const tokens = new Map<TestServer, Record<string, string>>();
  beforeAll(async () => {
    fast = await startTestServer({ env: { KIOSK_ISSUE_BURST: '3' } });
    slow = await startTestServer({ env: { KIOSK_ISSUE_BURST: '3', ISSUE_FAST_PATH: '0' } });
    for (const s of [fast, slow]) tokens.set(s, { kiosk: s.deviceToken('kiosk'), display: s.deviceToken('display'), staff: await s.login('w01'), bogus: 'x'.repeat(43) });
  });
  afterAll(async () => {
    await fast.close();
    await slow.close();
  });

  test('is on by default and off with ISSUE_FAST_PATH=0', () => {
    expect(fast.server.issueFastPath).not.toBeNull();
    expect(slow.server.issueFastPath).toBeNull();
  });

  test.each(cases)('answers $name exactly as the Express route does', async (c) => {
    const answers: Raw[] = [];
    for (const s of [fast, slow]) {
      const token = c.token === 'none' ? undefined : tokens.get(s)![c.token ?? 'kiosk'];
      const headers = { ...(c.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const before = fast.server.issueFastPath!.served;
      // The kiosk limit is kept apart: every case starts with a full bucket (one ticket per 4 s).
      s.clock.advance(12);
      answers.push(normalised(await send(s.base, c.method ?? 'POST', c.path ?? '/api/v1/halls/demo/tickets', headers, c.body)));
      if (s === fast) expect(fast.server.issueFastPath!.served - before).toBe(c.fast ? 1 : 0);
    }
    expect(answers[0]!.status).toBe(c.status);
    expect(answers[0]).toEqual(answers[1]);
  });

  test('writes the head of each answer from one list of headers made at start-up, not a new one per ticket', async () => {
    const lists: unknown[] = [];
    const original = http.ServerResponse.prototype.writeHead;
    http.ServerResponse.prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
      lists.push(args[1]);
      return (original as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    } as typeof original;
    try {
      const headers = { ...JSON_TYPE, authorization: `Bearer ${tokens.get(fast)!.kiosk}` };
      for (let i = 0; i < 2; i++) {
        fast.clock.advance(12);
        expect((await send(fast.base, 'POST', '/api/v1/halls/demo/tickets', headers, ok)).status).toBe(201);
      }
    } finally {
      http.ServerResponse.prototype.writeHead = original;
    }
    // The server without the lean path issues the same two, so the two stay alike for what follows.
    for (let i = 0; i < 2; i++) {
      slow.clock.advance(12);
      const headers = { ...JSON_TYPE, authorization: `Bearer ${tokens.get(slow)!.kiosk}` };
      expect((await send(slow.base, 'POST', '/api/v1/halls/demo/tickets', headers, ok)).status).toBe(201);
    }
    expect(lists).toHaveLength(2);
    expect(Array.isArray(lists[0])).toBe(true);
    expect(lists[1]).toBe(lists[0]);
  });

  test('answers the kiosk limit (429, Retry-After) exactly as the Express route does', async () => {
    const answers: Raw[][] = [];
    for (const s of [fast, slow]) {
      const headers = { ...JSON_TYPE, authorization: `Bearer ${tokens.get(s)!.kiosk}` };
      const run: Raw[] = [];
      for (let i = 0; i < 5; i++) run.push(normalised(await send(s.base, 'POST', '/api/v1/halls/demo/tickets', headers, ok)));
      answers.push(run);
    }
    expect(answers[0]!.map((r) => r.status)).toContain(429);
    expect(answers[0]!.find((r) => r.status === 429)!.headers.some((h) => h.startsWith('Retry-After: '))).toBe(true);
    expect(answers[0]).toEqual(answers[1]);
  });

  test('issues the same tickets in the same order, each once, with its event', async () => {
    const events = (s: TestServer) =>
      s.server.deps.repos.log
        .eventsAfter('demo', 0, 100_000)
        .filter((e) => e.type === 'ticket.issued')
        .map((e) => (e.type === 'ticket.issued' ? [e.ticket.number, e.ticket.serviceId, e.ticket.priority, e.ticket.peopleAhead, e.ticket.estimatedWaitSeconds] : null));
    expect(events(fast).length).toBeGreaterThan(0);
    expect(events(fast)).toEqual(events(slow));
  });
});
