// Identifiers and secrets: ids are random and unguessable; tokens are 32 random bytes in
// base64url and only their SHA-256 hash is stored.
import { createHash, randomBytes, randomFillSync } from 'node:crypto';

/** Random bytes for ids, drawn from the system's CSPRNG a few kB at a time (one call per many ids). */
const pool = Buffer.alloc(4096);
let used = pool.length;
function randomText(bytes: number): string {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const text = pool.toString('base64url', used, used + bytes);
  used += bytes;
  return text;
}

export const newId = (prefix: string): string => `${prefix}_${randomText(9)}`;
/** The secret in a visitor's status link: 128 bits. */
export const newPublicId = (): string => randomText(16);
export const newToken = (): string => randomBytes(32).toString('base64url');
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

let lastTime = 0;
let counter = 0;
/**
 * Ticket ids sort in issue order (time, then a per-process counter), so tickets issued in the
 * same millisecond keep their order when the routing engine breaks ties by id.
 */
export function newTicketId(now: number): string {
  if (now === lastTime) counter++;
  else {
    lastTime = now;
    counter = 0;
  }
  return `t_${now.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${randomText(6)}`;
}
