// JSON bodies only, at most 64 kB. A POST without a body counts as `{}`; a DELETE takes none (an
// empty JSON object, which some HTTP clients send with every request, counts as none).
//
// A plain body (utf-8 JSON with its length given, not compressed, within the limit: what kiosks,
// windows and the apps send) is read and parsed here, with no more than Node's own stream; the
// lean ticket-issue path (issue-fast-path.ts) reads its bodies with the same function. Anything
// else (another charset, `application/*+json`, chunked or compressed, too large) goes to
// body-parser, which answers the same for a plain body and knows the rest.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import { AppError } from '../services/errors';

export const BODY_LIMIT = 64 * 1024;

const json = express.json({ limit: BODY_LIMIT, strict: false, type: () => true });

/** utf-8 JSON (charset utf-8 or none). */
const JSON_TYPE = /^application\/json(?:[ \t]*;[ \t]*charset="?utf-8"?)?$/i;
const LENGTH = /^[1-9]\d{0,4}$/;

/** True when the request's body is one `readPlainJson` reads (see the head of this file). */
export function plainJsonBody(headers: IncomingHttpHeaders): boolean {
  if (headers['transfer-encoding'] !== undefined || headers['content-encoding'] !== undefined) return false;
  const length = headers['content-length'];
  return length !== undefined && LENGTH.test(length) && Number(length) <= BODY_LIMIT && JSON_TYPE.test(headers['content-type'] ?? '');
}

/**
 * Reads and parses a plain JSON body (`plainJsonBody`) as body-parser does (a byte order mark
 * dropped, an empty body `{}`, any JSON value), then calls `done` with it or with `invalid_json`.
 * A client that leaves before its body is read is never answered (nobody to answer).
 */
export function readPlainJson(req: IncomingMessage, done: (error: AppError | null, value?: unknown) => void): void {
  let first: Buffer | null = null;
  let more: Buffer[] | null = null;
  req.on('data', (chunk: Buffer) => {
    if (first === null) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  req.on('error', () => undefined);
  req.on('end', () => {
    const bytes = more !== null ? Buffer.concat(more) : first;
    let text = bytes === null ? '' : bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let value: unknown;
    try {
      value = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      done(new AppError('invalid_json', 'the body is not valid JSON'));
      return;
    }
    done(null, value);
  });
}

/** `{}` with some white space around it is at most this long; a longer DELETE body is not read. */
const EMPTY_OBJECT_MAX = 64;

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

export const jsonBody: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const length = req.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    req.body = {};
    return next();
  }
  // No DELETE of the API takes a body: one sent is refused, not read and ignored, unless it is `{}`.
  if (req.method === 'DELETE') {
    const refuse = () => next(new AppError('bad_request', 'a DELETE takes no body'));
    if (!plainJsonBody(req.headers) || Number(length) > EMPTY_OBJECT_MAX) return refuse();
    readPlainJson(req, (error, value) => {
      if (error || !isEmptyObject(value)) return refuse();
      req.body = {};
      next();
    });
    return;
  }
  if (plainJsonBody(req.headers)) {
    readPlainJson(req, (error, value) => {
      if (error) return next(error);
      req.body = value;
      next();
    });
    return;
  }
  if (!req.is('application/json') && !req.is('application/*+json')) {
    return next(new AppError('unsupported_media_type', 'send the body as application/json'));
  }
  json(req, res, next);
};
