// The server's rate limits, keyed on what is abused (API.md, Conventions): a hall's guest Wi-Fi
// puts every phone behind one address, and staff and devices often share one too.
//   - a ticket's publicId: 1 request a second sustained is always allowed (burst 10);
//   - an address: only for unknown publicIds (404s), which is what guessing looks like;
//   - an account: growing delays after wrong passwords; the address only far more loosely, and an
//     account that signed in from that address lately may still try there (its own delays apply);
//   - a kiosk device: ticket issue, far above what a real kiosk does, far below a script.
// Authenticated staff and device requests are not limited per address.
import type { RequestHandler } from 'express';
import type { Identity } from '../services/core';
import { GrowingDelay, RecentKeys, TokenBuckets, WindowCounter, rateLimited } from './rate-limit';

export interface LimitOptions {
  /** Requests about unknown publicIds per address per minute (default 60). */
  unknownIdsPerMinute?: number;
  /** Wrong passwords per address per 15 minutes (default LOGIN_FAILURES_PER_ADDRESS). */
  loginFailuresPerAddress?: number;
  /** Tickets a kiosk may issue at once (default KIOSK_ISSUE_BURST); the refill stays one every 4 s. */
  kioskIssueBurst?: number;
}

export interface Limits {
  publicTicket: TokenBuckets;
  unknownIds: WindowCounter;
  loginAccount: GrowingDelay;
  loginAddress: WindowCounter;
  /** Accounts that signed in from an address lately (`address\naccount`): they still may try when the address is limited. */
  loginKnown: RecentKeys;
  kioskIssue: TokenBuckets;
}

/** Wrong passwords an account may make before its growing delays start. */
export const LOGIN_FREE_FAILURES = 3;
/** Wrong passwords per address per 15 minutes before the address waits: a hall's shared address has room. */
export const LOGIN_FAILURES_PER_ADDRESS = 100;
/** How long an account that signed in from an address stays known there (it may still try when the address is limited). */
export const LOGIN_KNOWN_DAYS = 30;
/** A kiosk's ticket burst and sustained rate: a visitor takes a ticket in ~20 s; 1 every 4 s is far above. */
export const KIOSK_ISSUE_BURST = 30;
export const KIOSK_ISSUE_PER_SECOND = 1 / 4;

export function createLimits(clock: () => number, options: LimitOptions = {}): Limits {
  return {
    publicTicket: new TokenBuckets(10, 1, clock),
    unknownIds: new WindowCounter(options.unknownIdsPerMinute ?? 60, 60 * 1000, clock),
    loginAccount: new GrowingDelay(clock, LOGIN_FREE_FAILURES),
    loginAddress: new WindowCounter(options.loginFailuresPerAddress ?? LOGIN_FAILURES_PER_ADDRESS, 15 * 60 * 1000, clock),
    loginKnown: new RecentKeys(LOGIN_KNOWN_DAYS * 24 * 60 * 60 * 1000, clock),
    kioskIssue: new TokenBuckets(options.kioskIssueBurst ?? KIOSK_ISSUE_BURST, KIOSK_ISSUE_PER_SECOND, clock),
  };
}

/** A request (or phone socket) about a publicId that exists: limited per publicId. */
export function checkKnownTicket(limits: Limits, publicId: string): void {
  const wait = limits.publicTicket.take(publicId);
  if (wait > 0) throw rateLimited('too many requests for this ticket; slow down', wait);
}

/** A request about a publicId that does not exist: counted against the address (guessing). */
export function checkUnknownTicket(limits: Limits, address: string): void {
  const wait = limits.unknownIds.wait(address);
  if (wait > 0) throw rateLimited('too many requests for unknown tickets from this address', wait);
  limits.unknownIds.count(address);
}

/** Ticket issue by a kiosk device: limited per device (staff are not limited). */
/**
 * `replay`: true for a request that repeats one already answered under its Idempotency-Key; a
 * kiosk retrying a ticket it already has gets it back (nothing new is created), limited or not.
 */
export function kioskIssueLimit(
  limits: Limits,
  identityOf: (res: Parameters<RequestHandler>[1]) => Identity,
  replay: (req: Parameters<RequestHandler>[0], identity: Identity) => boolean = () => false,
): RequestHandler {
  return (req, res, next) => {
    const identity = identityOf(res);
    if (identity.kind !== 'device' || identity.role !== 'kiosk') return next();
    if (replay(req, identity)) return next();
    const wait = limits.kioskIssue.take(identity.device.id);
    if (wait > 0) return next(rateLimited('this kiosk is taking tickets far faster than visitors can; slow down', wait));
    next();
  };
}
