// What every use case needs: repositories, the mirror, the clock, and how to record an event.
import type { Actor, HallEventPayloads, HallEventType, StaffRole, StaffType } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { StoredDevice } from '../storage/device-repo';
import type { Repos } from '../storage/repos';
import type { StoredStaff } from '../storage/staff-repo';
import type { Clock } from './clock';
import type { DevicePresence } from './device-presence';
import { AppError } from './errors';
import type { HallMirror, HallsMirror } from './hall-mirror';

export interface Core {
  repos: Repos;
  mirror: HallsMirror;
  clock: Clock;
  publicUrl: string;
  presence: DevicePresence;
}

/** Who is calling: a staff session or a device token. */
export type Identity =
  | { kind: 'staff'; role: StaffRole; hallId: string; staff: StoredStaff; tokenHash: string }
  | { kind: 'device'; role: StoredDevice['kind']; hallId: string; device: StoredDevice; tokenHash: string };

export const VISITOR: Actor = { kind: 'visitor', id: null };
export const SYSTEM: Actor = { kind: 'system', id: null };

export function actorOf(identity: Identity | null): Actor {
  if (!identity) return VISITOR;
  return identity.kind === 'staff' ? { kind: 'staff', id: identity.staff.id } : { kind: 'device', id: identity.device.id };
}

/** Admins and supervisors count as officers for the negative list. */
export const staffTypeOf = (role: StaffRole): StaffType => (role === 'helper' ? 'helper' : 'officer');

/**
 * Appends an event in the command's transaction, complete (the log is never rewritten); it is
 * broadcast after the commit. The hall's last seq is read once per batch, then counted on.
 */
export function recordEvent<T extends HallEventType>(
  core: Core,
  tx: Tx,
  hallId: string,
  type: T,
  actor: Actor,
  payload: HallEventPayloads[T],
  at: number = core.clock(),
): void {
  const seq = (tx.batch.seqs.get(hallId) ?? core.repos.log.lastSeq(hallId)) + 1;
  tx.events.push(core.repos.log.append(hallId, seq, type, at, actor, payload));
  tx.batch.seqs.set(hallId, seq);
}

/**
 * Appends events of one hall written together (e.g. the tickets a batch issued), each to its own
 * command, with consecutive seqs, as `recordEvent` one by one would, in one statement.
 */
export function recordEvents<T extends HallEventType>(
  core: Core,
  hallId: string,
  type: T,
  list: ReadonlyArray<{ tx: Tx; actor: Actor; payload: HallEventPayloads[T]; at: number }>,
): void {
  if (list.length === 0) return;
  const first = (list[0]!.tx.batch.seqs.get(hallId) ?? core.repos.log.lastSeq(hallId)) + 1;
  const events = core.repos.log.appendMany(
    hallId,
    list.map((e, k) => ({ seq: first + k, type, at: e.at, actor: e.actor, payload: e.payload })),
  );
  list.forEach((e, k) => e.tx.events.push(events[k]!));
  list[0]!.tx.batch.seqs.set(hallId, first + list.length - 1);
}

export function audit(core: Core, hallId: string, actor: Actor, action: string, target: string, details?: unknown): void {
  core.repos.log.audit(hallId, core.clock(), actor, action, target, details);
}

export function hallOf(core: Core, hallId: string): HallMirror {
  const m = core.mirror.get(hallId);
  if (!m) throw new AppError('not_found', 'hall not found');
  return m;
}

/** The identity belongs to this hall; other halls' ids answer 404 so they cannot be probed. */
export function ownHall(core: Core, identity: Identity, hallId: string): HallMirror {
  if (identity.hallId !== hallId) throw new AppError('not_found', 'hall not found');
  return hallOf(core, hallId);
}

export function requireStaff(identity: Identity): Extract<Identity, { kind: 'staff' }> {
  if (identity.kind !== 'staff') throw new AppError('forbidden', 'staff only');
  return identity;
}
