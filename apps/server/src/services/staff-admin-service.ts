// The hall's staff for admins: accounts with hashed passwords, organisations, and the rule that a
// hall keeps an active administrator. Every change writes an audit row and a `config.changed` event.
import type { StaffBody, StaffMember, StaffPatch } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { StoredStaff } from '../storage/staff-repo';
import { changed, invalid } from './admin-change';
import { hashPasswordAsync } from './auth-service';
import { ownHall, type Core, type Identity } from './core';
import { AppError, notFound } from './errors';
import { newId } from './ids';
import { signOutDeactivated } from './window-service';

const publicStaff = ({ hallId: _h, passwordHash: _p, ...s }: StoredStaff): StaffMember => s;

export function listStaff(core: Core, identity: Identity, hallId: string): StaffMember[] {
  ownHall(core, identity, hallId);
  return core.repos.staff.listOfHall(hallId).map(publicStaff);
}

function checkOrganisation(core: Core, hallId: string, organisationId: string): void {
  if (!core.repos.halls.organisations(hallId).some((o) => o.id === organisationId)) throw invalid('organisationId', 'unknown organisation');
}

/**
 * A password hashed before its command runs: scrypt at the production cost takes hundreds of
 * milliseconds, which inside the write batch would hold up every request of the hall.
 */
export type Hashed<T> = T & { passwordHash?: string };

/** Hashes the body's password (if any) on the thread pool, before the command. */
export async function hashBeforeCommand<T extends { password?: string }>(body: T): Promise<Hashed<T>> {
  return body.password === undefined ? body : { ...body, passwordHash: await hashPasswordAsync(body.password) };
}

function hashOf(body: { password?: string; passwordHash?: string }): string {
  if (body.passwordHash === undefined) throw new Error('the password must be hashed before the command (hashBeforeCommand)');
  return body.passwordHash;
}

export function createStaffMember(core: Core, tx: Tx, identity: Identity, hallId: string, body: Hashed<StaffBody>): StaffMember {
  ownHall(core, identity, hallId);
  if (core.repos.staff.usernameTaken(body.username)) throw new AppError('conflict', `username ${body.username} is taken`);
  const organisationId = body.organisationId ?? core.repos.halls.organisations(hallId)[0]?.id ?? 'gov';
  if (body.organisationId !== undefined) checkOrganisation(core, hallId, organisationId);
  const s: StoredStaff = {
    id: newId('stf'), hallId, username: body.username, name: body.name, role: body.role, organisationId,
    windowNumbers: body.windowNumbers ?? [], active: body.active ?? true, passwordHash: hashOf(body),
  };
  core.repos.staff.put(s);
  changed(core, tx, identity, hallId, 'staff', 'staff.create', s.id, { ...body, password: undefined, passwordHash: undefined });
  return publicStaff(s);
}

/** A hall must keep an active administrator: refuses a change that would leave it without one. */
function keepAnAdmin(core: Core, hallId: string, before: StoredStaff, after: StoredStaff | null): void {
  const wasAdmin = before.role === 'admin' && before.active;
  const staysAdmin = after !== null && after.role === 'admin' && after.active;
  if (!wasAdmin || staysAdmin) return;
  const others = core.repos.staff.listOfHall(hallId).filter((s) => s.id !== before.id && s.role === 'admin' && s.active);
  if (others.length === 0) {
    throw new AppError('last_admin', `${before.username} is the last active administrator of this hall; make someone else an administrator first`);
  }
}

export function patchStaffMember(core: Core, tx: Tx, identity: Identity, hallId: string, id: string, body: Hashed<StaffPatch>): StaffMember {
  ownHall(core, identity, hallId);
  const old = core.repos.staff.get(id);
  if (!old || old.hallId !== hallId) throw notFound('staff member');
  if (body.organisationId !== undefined) checkOrganisation(core, hallId, body.organisationId);
  const { password, passwordHash: _hash, ...rest } = body;
  const s: StoredStaff = { ...old, ...rest, passwordHash: password ? hashOf(body) : old.passwordHash };
  keepAnAdmin(core, hallId, old, s);
  if (old.active && !s.active) signOutDeactivated(core, tx, identity, id);
  core.repos.staff.put(s);
  if (password || s.active === false) core.repos.staff.revokeSessionsOf(id, core.clock());
  changed(core, tx, identity, hallId, 'staff', 'staff.update', id, { ...rest, passwordChanged: password !== undefined });
  return publicStaff(s);
}

export function deleteStaffMember(core: Core, tx: Tx, identity: Identity, hallId: string, id: string): void {
  ownHall(core, identity, hallId);
  const old = core.repos.staff.get(id);
  if (!old || old.hallId !== hallId) throw notFound('staff member');
  if (core.repos.windows.ofStaff(id)) throw new AppError('conflict', 'this person is signed in at a window; sign out first');
  keepAnAdmin(core, hallId, old, null);
  core.repos.staff.softDelete(id);
  changed(core, tx, identity, hallId, 'staff', 'staff.delete', id);
}
