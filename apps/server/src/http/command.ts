// Runs a request's use case as one command of the batched transaction and answers after the
// commit. With an `Idempotency-Key`, the first result (status and body) is stored in the same
// transaction, and a repeat with the same key from the same token gets it back unchanged.
import type { Request, Response } from 'express';
import type { AppDeps } from '../app-deps';
import type { Tx } from '../storage/tx';
import { AppError } from '../services/errors';
import { sha256 } from '../services/ids';
import type { Identity } from '../services/core';

export interface Reply {
  status: number;
  body: unknown;
}

/** Where an Idempotency-Key's first result is kept: per token (per address without one) and key. */
export function idempotencyScope(identity: Identity | undefined, address: string | undefined, key: string): string {
  return sha256(`${identity ? identity.tokenHash : `anon:${address ?? ''}`}\n${key}`);
}

/** True when this request repeats one whose result is stored under its Idempotency-Key (it creates nothing). */
export function storedReplay(deps: AppDeps, req: { headers: Request['headers']; ip?: string }, identity: Identity | undefined): boolean {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return false;
  return deps.repos.log.idempotent(idempotencyScope(identity, req.ip, key)) !== null;
}

export async function command(deps: AppDeps, req: Request, res: Response, run: (tx: Tx) => Reply): Promise<void> {
  const key = req.header('idempotency-key');
  if (key !== undefined && (key.length === 0 || key.length > 200)) throw new AppError('bad_request', 'Idempotency-Key must be 1-200 characters');
  const identity = res.locals.identity as Identity | undefined;
  const queued = performance.now();
  let ran = queued;
  let batch: Tx['batch'] | undefined;
  const reply = await deps.run((tx) => {
    ran = performance.now();
    batch = tx.batch;
    if (key === undefined || req.method !== 'POST') return run(tx);
    const scope = idempotencyScope(identity, req.ip, key);
    const fingerprint = sha256(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? {})}`);
    const earlier = tx.batch.idempotent.get(scope) ?? deps.repos.log.idempotent(scope);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw new AppError('idempotency_conflict', 'this Idempotency-Key was used for another request');
      return { status: earlier.status, body: earlier.body };
    }
    const r = run(tx);
    const record = { fingerprint, status: r.status, body: r.body };
    tx.batch.idempotent.set(scope, record);
    // Saved at the end of the batch, after the batch's forecast has completed the reply.
    tx.batch.beforeCommit.set(`idempotency:${scope}`, () =>
      deps.repos.log.saveIdempotent(scope, record.fingerprint, record.status, record.body, deps.clock()),
    );
    return r;
  });
  // For Server-Timing: the wait for the write batch to start, then the batch with its flush; of
  // the latter, the rest of the batch until its COMMIT returned, and the wait for the disk; of that
  // wait, the disk's own fsync (when the flush thread measured it).
  const answered = performance.now();
  const committedAt = batch?.committedAt ?? answered;
  const durableAt = batch?.durableAt ?? committedAt;
  const flush = durableAt - committedAt;
  res.locals.writeTiming = {
    queue: ran - queued,
    commit: answered - ran,
    batch: committedAt - ran,
    flush,
    ...(batch?.fsyncMs === undefined ? {} : { fsync: batch.fsyncMs }),
  };
  if (reply.status === 204 || reply.body === undefined || reply.body === null) res.status(reply.status).end();
  else res.status(reply.status).json(reply.body);
}
