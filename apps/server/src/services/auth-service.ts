// Passwords (scrypt with a salt, compared in constant time), staff sessions and device tokens.
// Tokens are 32 random bytes; only their SHA-256 hash is stored.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { LoginResult } from '@hallq/shared';
import type { Repos } from '../storage/repos';
import type { Clock } from './clock';
import type { Identity } from './core';
import { AppError } from './errors';
import { newToken, sha256 } from './ids';

const SESSION_IDLE_MS = 12 * 3600 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;
const KEY_LENGTH = 32;
/** A resolved token is trusted this long before its session or device row is read again. */
export const TOKEN_CACHE_MS = 30 * 1000;
const TOKEN_CACHE_SIZE = 10_000;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = scryptSync(password, Buffer.from(saltText, 'base64url'), expected.length);
  return timingSafeEqual(expected, actual);
}

// Compared against when the username is unknown, so both cases take the same time.
const DUMMY_HASH = hashPassword('not-a-real-password');

export class AuthService {
  private readonly revokeListeners: Array<() => void> = [];
  /**
   * Tokens resolved recently, so a request costs no hash and no SQL. Emptied on every logout and
   * every committed change to staff or devices (`revoked`), and each entry is read again after
   * TOKEN_CACHE_MS, so idle expiry and session touches work as without it.
   */
  private readonly cache = new Map<string, { identity: Identity; at: number }>();

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
  ) {}

  /** Called after a logout, and by the app after a committed change to staff or devices. */
  onRevoke(listener: () => void): void {
    this.revokeListeners.push(listener);
  }

  revoked(): void {
    this.cache.clear();
    for (const l of this.revokeListeners) l();
  }

  login(username: string, password: string): LoginResult {
    const staff = this.repos.staff.getByUsername(username);
    const ok = verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
    if (!staff || !ok || !staff.active) throw new AppError('unauthorized', 'wrong username or password');
    const token = newToken();
    this.repos.staff.createSession(sha256(token), staff.id, this.clock());
    return { token, staff: { id: staff.id, name: staff.name, role: staff.role } };
  }

  logout(identity: Identity): void {
    if (identity.kind === 'staff') this.repos.staff.revokeSession(identity.tokenHash, this.clock());
    this.revoked();
  }

  /** The identity behind a bearer token, or null when it is unknown, revoked or expired. */
  resolve(token: string | undefined | null): Identity | null {
    if (!token || token.length > 200) return null;
    const now = this.clock();
    const hit = this.cache.get(token);
    if (hit && now >= hit.at && now - hit.at < TOKEN_CACHE_MS) return hit.identity;
    const identity = this.lookup(token, now);
    if (!identity) this.cache.delete(token);
    else {
      if (this.cache.size >= TOKEN_CACHE_SIZE) this.cache.clear();
      this.cache.set(token, { identity, at: now });
    }
    return identity;
  }

  private lookup(token: string, now: number): Identity | null {
    const tokenHash = sha256(token);
    const session = this.repos.staff.getSession(tokenHash);
    if (session) {
      if (session.revoked_at !== null || now - session.last_seen_at > SESSION_IDLE_MS) return null;
      const staff = this.repos.staff.get(session.staff_id);
      if (!staff || !staff.active) return null;
      if (now - session.last_seen_at > TOUCH_EVERY_MS) this.repos.staff.touchSession(tokenHash, now);
      return { kind: 'staff', role: staff.role, hallId: staff.hallId, staff, tokenHash };
    }
    const device = this.repos.devices.getByTokenHash(tokenHash);
    if (device && !device.revoked) return { kind: 'device', role: device.kind, hallId: device.hallId, device, tokenHash };
    return null;
  }
}
