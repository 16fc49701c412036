// `Idempotency-Key` on the hub's POSTs that create something: the same key from the same token
// returns the first answer (status and body) and creates nothing new; the key reused for another
// request is 409 idempotency_conflict. The answer is stored in the transaction that created the
// thing, under an advisory lock on the key, so two retries racing each other still create one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../storage/db';
import { bearer } from './auth';
import { HubError } from './errors';

export interface Reply {
  status: number;
  body: unknown;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

// The stored answer may carry a secret (a new hall's token): it is sealed with a key only the
// caller can derive (its token and the Idempotency-Key, neither kept in the database).
function seal(key: Buffer, body: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

function unseal(key: Buffer, sealed: string): unknown {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv!);
  decipher.setAuthTag(tag!);
  return JSON.parse(Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8')) as unknown;
}

/** Runs `create` in a transaction; with an Idempotency-Key, at most once per key and token. */
export async function idempotent(pool: Pool, req: Request, create: (client: PoolClient) => Promise<Reply>): Promise<Reply> {
  const key = req.header('idempotency-key');
  if (key === undefined) return inTransaction(pool, create);
  if (key.length === 0 || key.length > 200) throw new HubError('bad_request', 'Idempotency-Key must be 1-200 characters');
  const token = bearer(req.headers.authorization) ?? '';
  const scope = sha256(`scope\n${sha256(token).toString('hex')}\n${key}`).toString('hex');
  const sealKey = sha256(`seal\n${token}\n${key}`);
  const fingerprint = sha256(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? {})}`).toString('hex');
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [scope]);
    const { rows } = await client.query<{ fingerprint: string; status: number; body: string }>(
      'SELECT fingerprint, status, body FROM idempotency WHERE scope = $1',
      [scope],
    );
    const earlier = rows[0];
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw new HubError('idempotency_conflict', 'this Idempotency-Key was used for another request');
      return { status: earlier.status, body: unseal(sealKey, earlier.body) };
    }
    const reply = await create(client);
    await client.query('INSERT INTO idempotency (scope, fingerprint, status, body, at) VALUES ($1, $2, $3, $4, $5)', [
      scope,
      fingerprint,
      reply.status,
      seal(sealKey, reply.body),
      Date.now(),
    ]);
    return reply;
  });
}
