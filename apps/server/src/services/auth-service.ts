// Passwords (scrypt with a salt, compared in constant time), staff sessions and device tokens.
// Tokens are 32 random bytes; only their SHA-256 hash is stored.
//
// Password cost: scrypt N=2^17, r=8, p=1 (OWASP's current advice), written as
// `scrypt$17.8.1$<salt>$<key>`. Hashes from before carry no parameters (`scrypt$<salt>$<key>`,
// Node's default N=2^14) and are rewritten at the owner's next successful sign-in. Sign-in hashes
// off the event loop (async scrypt), so a 2^17 hash never stalls the hall's kiosks.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { LoginResult } from '@hallq/shared';
import type { Repos } from '../storage/repos';
import type { Clock } from './clock';
import type { Identity } from './core';
import { AppError } from './errors';
import { newToken, sha256 } from './ids';

/** A session ends after this long without a request... */
export const SESSION_IDLE_MS = 12 * 3600 * 1000;
/** ...and in any case this long after sign-in, however busy (a stolen token does not live on). */
export const SESSION_ABSOLUTE_MS = 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;
const KEY_LENGTH = 32;
/** A resolved token is trusted this long before its session or device row is read again. */
export const TOKEN_CACHE_MS = 30 * 1000;
const TOKEN_CACHE_SIZE = 10_000;

export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}
/** OWASP's password storage advice for scrypt. */
export const OWASP_SCRYPT: ScryptCost = { log2N: 17, r: 8, p: 1 };
/** What hashes without parameters were made with (Node's defaults). */
const LEGACY_SCRYPT: ScryptCost = { log2N: 14, r: 8, p: 1 };

let cost: ScryptCost = OWASP_SCRYPT;
/** The cost new hashes get (config `PASSWORD_SCRYPT_LOG2N`; only tests lower it, for speed). */
export function setPasswordCost(next: ScryptCost): void {
  cost = next;
}

const options = (c: ScryptCost): ScryptOptions => ({ N: 2 ** c.log2N, r: c.r, p: c.p, maxmem: 256 * 2 ** c.log2N * c.r });
const costText = (c: ScryptCost): string => `${c.log2N}.${c.r}.${c.p}`;

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return null;
  const [params, saltText, keyText] = parts.length === 3 ? [null, parts[1], parts[2]] : [parts[1], parts[2], parts[3]];
  if (!saltText || !keyText) return null;
  let c = LEGACY_SCRYPT;
  if (params !== null) {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/.exec(params ?? '');
    if (!m) return null;
    c = { log2N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
    if (c.log2N < 10 || c.log2N > 20 || c.r < 1 || c.p < 1) return null;
  }
  return { cost: c, salt: Buffer.from(saltText, 'base64url'), key: Buffer.from(keyText, 'base64url') };
}

export function hashPassword(password: string, with_: ScryptCost = cost): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEY_LENGTH, options(with_));
  return `scrypt$${costText(with_)}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export function hashPasswordAsync(password: string, with_: ScryptCost = cost): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, options(with_), (err, key) =>
      err ? reject(err) : resolve(`scrypt$${costText(with_)}$${salt.toString('base64url')}$${key.toString('base64url')}`),
    ),
  );
}

export function verifyPassword(password: string, stored: string): boolean {
  const h = parseHash(stored);
  if (!h) return false;
  return timingSafeEqual(h.key, scryptSync(password, h.salt, h.key.length, options(h.cost)));
}

export async function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const h = parseHash(stored);
  if (!h) return false;
  const actual = await new Promise<Buffer>((resolve, reject) => scrypt(password, h.salt, h.key.length, options(h.cost), (e, k) => (e ? reject(e) : resolve(k))));
  return timingSafeEqual(h.key, actual);
}

/** True when a stored hash was made with a different cost than new hashes get. */
export function needsRehash(stored: string): boolean {
  const h = parseHash(stored);
  return !h || costText(h.cost) !== costText(cost);
}

// Compared against when the username is unknown, so both cases take the same time (one per cost).
const dummyHashes = new Map<string, string>();
const dummyHash = (): string => {
  const key = costText(cost);
  let h = dummyHashes.get(key);
  if (!h) dummyHashes.set(key, (h = hashPassword('not-a-real-password')));
  return h;
};

export class AuthService {
  private readonly revokeListeners: Array<() => void> = [];
  /**
   * Tokens resolved recently, so a request costs no hash and no SQL. Emptied on every logout and
   * every committed change to staff or devices (`revoked`), and each entry is read again after
   * TOKEN_CACHE_MS, so idle expiry and session touches work as without it.
   */
  private readonly cache = new Map<string, { identity: Identity; at: number; until: number }>();

  /** Touches of a session's last use handed to `deferWrite` and not yet written, by token hash. */
  private readonly touching = new Map<string, number>();

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    /**
     * Runs a write of a session's last use with the hall's other writes (the app gives its
     * command queue; `done` once it is written or has failed): a touch committed on its own would
     * wait for the disk on the event loop while every request in the hall waits behind it.
     * Without it the touch is written at once.
     */
    private readonly deferWrite: ((write: () => void, done: () => void) => void) | null = null,
  ) {}

  /** Called after a logout, and by the app after a committed change to staff or devices. */
  onRevoke(listener: () => void): void {
    this.revokeListeners.push(listener);
  }

  revoked(): void {
    this.cache.clear();
    for (const l of this.revokeListeners) l();
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const found = this.repos.staff.getByUsername(username);
    const ok = await verifyPasswordAsync(password, found?.passwordHash ?? dummyHash());
    // Read again after the (asynchronous) hash: the account may have changed meanwhile.
    const staff = found ? this.repos.staff.get(found.id) : null;
    if (!staff || !ok || !staff.active || staff.passwordHash !== found?.passwordHash) throw new AppError('unauthorized', 'wrong username or password');
    if (needsRehash(staff.passwordHash)) {
      const upgraded = await hashPasswordAsync(password);
      // Only if nobody changed the password while this one was being hashed.
      this.repos.staff.upgradePasswordHash(staff.id, staff.passwordHash, upgraded);
    }
    const token = newToken();
    // Sign-ins are in the audit log (who, when); never the password or the token.
    this.repos.log.audit(staff.hallId, this.clock(), { kind: 'staff', id: staff.id }, 'auth.sign_in', staff.id, { username: staff.username });
    this.repos.staff.createSession(sha256(token), staff.id, this.clock());
    return { token, staff: { id: staff.id, name: staff.name, role: staff.role } };
  }

  logout(identity: Identity): void {
    if (identity.kind === 'staff') {
      this.repos.staff.revokeSession(identity.tokenHash, this.clock());
      this.repos.log.audit(identity.hallId, this.clock(), { kind: 'staff', id: identity.staff.id }, 'auth.sign_out', identity.staff.id, { username: identity.staff.username });
    }
    this.revoked();
  }

  /** The identity behind a bearer token, or null when it is unknown, revoked or expired. */
  resolve(token: string | undefined | null): Identity | null {
    if (!token || token.length > 200) return null;
    const now = this.clock();
    const hit = this.cache.get(token);
    if (hit && now >= hit.at && now < hit.until) return hit.identity;
    const found = this.lookup(token, now);
    if (!found) {
      this.cache.delete(token);
      return null;
    }
    if (this.cache.size >= TOKEN_CACHE_SIZE) this.cache.clear();
    this.cache.set(token, { identity: found.identity, at: now, until: Math.min(now + TOKEN_CACHE_MS, found.until) });
    return found.identity;
  }

  private touch(tokenHash: string, now: number): void {
    if (!this.deferWrite) {
      this.repos.staff.touchSession(tokenHash, now);
      return;
    }
    this.touching.set(tokenHash, now);
    this.deferWrite(
      () => this.repos.staff.touchSession(tokenHash, now),
      () => {
        if (this.touching.get(tokenHash) === now) this.touching.delete(tokenHash);
      },
    );
  }

  /** The identity and until when it holds at the latest (a session's absolute end). */
  private lookup(token: string, now: number): { identity: Identity; until: number } | null {
    const tokenHash = sha256(token);
    const session = this.repos.staff.getSession(tokenHash);
    if (session) {
      // A touch still on its way to the disk counts as written.
      const lastSeen = Math.max(session.last_seen_at, this.touching.get(tokenHash) ?? 0);
      if (session.revoked_at !== null || now - lastSeen > SESSION_IDLE_MS || now - session.created_at > SESSION_ABSOLUTE_MS) return null;
      const staff = this.repos.staff.get(session.staff_id);
      if (!staff || !staff.active) return null;
      if (now - lastSeen > TOUCH_EVERY_MS) this.touch(tokenHash, now);
      return { identity: { kind: 'staff', role: staff.role, hallId: staff.hallId, staff, tokenHash }, until: session.created_at + SESSION_ABSOLUTE_MS };
    }
    const device = this.repos.devices.getByTokenHash(tokenHash);
    if (device && !device.revoked) return { identity: { kind: 'device', role: device.kind, hallId: device.hallId, device, tokenHash }, until: Infinity };
    return null;
  }
}
