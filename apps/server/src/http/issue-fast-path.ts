// Ticket issue, the hall's busiest write, answered without walking Express: a kiosk's plain
// `POST /api/v1/halls/:hallId/tickets` (JSON body of at most 64 kB, no query, no Idempotency-Key)
// gets the same checks and the same answer, byte for byte, as the Express route, at a fraction of
// the cost per request: the security headers are worked out once at start-up (the same helmet
// middleware the app uses), the body is read and parsed by `jsonBody`'s own reader, the token, role and
// kiosk limit are the route's own middleware, and the answer is written in one `writeHead`.
// Anything else about the request (another method, a query, an odd content type or encoding, a
// body too large, an Idempotency-Key, Server-Timing on) goes to Express unread. An error on the
// way is answered by the app's own error handler, after the request and answer are given
// Express's prototypes, as Express itself does. The route in app.ts stays: it answers whatever
// this path leaves to it, and `ISSUE_FAST_PATH=0` leaves it everything (for comparing the two).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';
import { CreateTicketBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { issueTicketChecks, issueTicketCommand } from '../routes/halls';
import { issueWritesAtBatchEnd } from '../services/issue-service';
import type { Identity } from '../services/core';
import { plainJsonBody, readPlainJson } from './body';
import { parse } from './validate';

const PATH = /^\/api\/v1\/halls\/([^/?#%]+)\/tickets$/;
const JSON_HEADERS = ['Content-Type', 'application/json; charset=utf-8', 'Content-Length'];

/** The headers a middleware sets on every answer (it must set them without looking at the request). */
export function headersSetBy(middleware: RequestHandler): string[] {
  const set = new Map<string, [string, string]>();
  const res = {
    setHeader(name: string, value: unknown) {
      set.set(name.toLowerCase(), [name, String(value)]);
      return res;
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
    },
  };
  let done = false;
  middleware({ headers: {} } as Request, res as unknown as Response, () => {
    done = true;
  });
  if (!done) throw new Error('the security middleware did not finish at once');
  return [...set.values()].flat();
}

/** True when the request is one this path answers without Express (see the head of this file). */
function eligible(req: IncomingMessage): string | null {
  if (req.method !== 'POST') return null;
  const m = PATH.exec(req.url ?? '');
  if (!m) return null;
  const h = req.headers;
  if (h['transfer-encoding'] !== undefined || h['content-encoding'] !== undefined || h['idempotency-key'] !== undefined) return null;
  // A body, if any, is one `jsonBody` reads itself (http/body.ts), with the same function.
  const length = h['content-length'];
  if (length !== undefined && length !== '0' && !plainJsonBody(h)) return null;
  return m[1]!;
}

export interface IssueFastPath {
  /** Answers the request and says true, or says false and leaves it untouched for Express. */
  (req: IncomingMessage, res: ServerResponse): boolean;
  /** How many requests it took. */
  served: number;
}

export function issueFastPath(deps: AppDeps, app: Express, security: RequestHandler, onError: ErrorRequestHandler): IssueFastPath {
  const secure = headersSetBy(security);
  /** The answer's headers: the security headers, the content type and its length (set per answer). */
  const head = [...secure, ...JSON_HEADERS, ''];
  const checks = issueTicketChecks(deps);

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    if (res.headersSent) return;
    for (let i = 0; i < secure.length; i += 2) res.setHeader(secure[i]!, secure[i + 1]!);
    // What Express does to every request it handles (application.js, `handle`).
    const r = req as Request;
    const s = res as Response;
    r.res = s;
    s.req = r;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    s.locals ??= Object.create(null) as Record<string, unknown>;
    onError(error, r, s, () => undefined);
  };

  const issue = (req: IncomingMessage, res: ServerResponse, hallId: string, raw: unknown): void => {
    const locals: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    (res as unknown as { locals: Record<string, unknown> }).locals = locals;
    let k = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined) return fail(req, res, error);
      try {
        if (k < checks.length) {
          checks[k++]!(req as Request, res as unknown as Response, next);
          return;
        }
        const body = parse(CreateTicketBody, raw);
        const command = issueTicketCommand(deps, locals.identity as Identity, hallId, body);
        deps.run(command, { savepoint: !issueWritesAtBatchEnd(body) }).then((ticket) => {
          const body = JSON.stringify({ ticket });
          // `writeHead` reads the list at once: one list serves every answer, its length set last.
          head[head.length - 1] = String(Buffer.byteLength(body));
          res.writeHead(201, head);
          res.end(body);
        }, (e: unknown) => fail(req, res, e));
      } catch (e) {
        fail(req, res, e);
      }
    };
    next();
  };

  const path: IssueFastPath = (req, res) => {
    const hallId = eligible(req);
    if (hallId === null) return false;
    path.served++;
    const length = req.headers['content-length'];
    if (length === undefined || length === '0') {
      issue(req, res, hallId, {});
      return true;
    }
    readPlainJson(req, (error, raw) => (error ? fail(req, res, error) : issue(req, res, hallId, raw)));
    return true;
  };
  path.served = 0;
  return path;
}
