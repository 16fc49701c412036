// Admin configuration: /halls/:hallId/{services,windows,staff,devices,notices}. GET for
// supervisors too; changes for admins, except the live adjustments a hall supervisor makes during
// the day: a window's skills and tiers, closing or reopening a service, and notices.
import { Router } from 'express';
import type { z } from 'zod';
import {
  DeviceBody, DevicePatch, NoticeBody, NoticePatch, ServiceBody, ServicePatch, StaffBody, StaffPatch, WindowBody, WindowPatch,
} from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { command } from '../http/command';
import { parse } from '../http/validate';
import * as admin from '../services/admin-service';
import { checkPrinterUrl } from '../services/device-service';
import * as staffAdmin from '../services/staff-admin-service';
import type { Tx } from '../storage/tx';
import type { Core, Identity } from '../services/core';
import { AppError } from '../services/errors';

interface Resource<C extends z.ZodType, P extends z.ZodType> {
  path: string;
  key: string;
  createSchema: C;
  patchSchema: P;
  list: (core: Core, identity: Identity, hallId: string) => unknown;
  create: (core: Core, tx: Tx, identity: Identity, hallId: string, body: z.infer<C>) => unknown;
  patch: (core: Core, tx: Tx, identity: Identity, hallId: string, id: string, body: z.infer<P>) => unknown;
  remove: (core: Core, tx: Tx, identity: Identity, hallId: string, id: string) => void;
  /** Wraps the created value in the 201 body; default `{[key]: value}`. */
  created?: (value: unknown) => unknown;
  /** Work done before the command, off the write batch (hashing a password). */
  prepare?: <B extends object>(body: B) => Promise<B>;
  /** Fields of a PATCH a supervisor may change; `'*'` = any, also create and delete. */
  supervisor?: readonly string[] | '*';
}

function supervisorMay(identity: Identity, res: { supervisor?: readonly string[] | '*' }, body?: object): void {
  if (identity.kind !== 'staff' || identity.role !== 'supervisor') return;
  const allowed = res.supervisor;
  if (allowed === '*') return;
  if (body && allowed && Object.keys(body).every((k) => allowed.includes(k))) return;
  throw new AppError('forbidden', allowed ? `a supervisor may change only: ${allowed.join(', ')}` : 'administrators only');
}

function mount<C extends z.ZodType, P extends z.ZodType>(r: Router, deps: AppDeps, res: Resource<C, P>): void {
  const base = `/halls/:hallId/${res.path}`;
  const hall = (p: Record<string, unknown>): string => p.hallId as string;
  r.get(base, deps.authenticate, deps.allow('admin', 'supervisor'), (req, out) => {
    out.json({ [res.path]: res.list(deps, deps.identity(out), hall(req.params)) });
  });
  const changers = res.supervisor ? (['admin', 'supervisor'] as const) : (['admin'] as const);
  r.post(base, deps.authenticate, deps.allow(...changers), async (req, out) => {
    supervisorMay(deps.identity(out), { supervisor: res.supervisor === '*' ? '*' : undefined });
    const parsed = parse(res.createSchema, req.body);
    const body = res.prepare ? await res.prepare(parsed as object) as typeof parsed : parsed;
    await command(deps, req, out, (tx) => {
      const value = res.create(deps, tx, deps.identity(out), hall(req.params), body);
      return { status: 201, body: res.created ? res.created(value) : { [res.key]: value } };
    });
  });
  r.patch(`${base}/:id`, deps.authenticate, deps.allow(...changers), async (req, out) => {
    const parsed = parse(res.patchSchema, req.body);
    supervisorMay(deps.identity(out), res, parsed as object);
    const body = res.prepare ? await res.prepare(parsed as object) as typeof parsed : parsed;
    await command(deps, req, out, (tx) => ({
      status: 200,
      body: { [res.key]: res.patch(deps, tx, deps.identity(out), hall(req.params), req.params.id as string, body) },
    }));
  });
  r.delete(`${base}/:id`, deps.authenticate, deps.allow(...changers), async (req, out) => {
    supervisorMay(deps.identity(out), { supervisor: res.supervisor === '*' ? '*' : undefined });
    await command(deps, req, out, (tx) => {
      res.remove(deps, tx, deps.identity(out), hall(req.params), req.params.id as string);
      return { status: 204, body: null };
    });
  });
}

export function hallConfigRouter(deps: AppDeps): Router {
  const r = Router();
  mount(r, deps, {
    path: 'services', key: 'service', createSchema: ServiceBody, patchSchema: ServicePatch,
    list: admin.listServices, create: admin.createService, patch: admin.patchService, remove: admin.deleteService,
    supervisor: ['closedOn', 'active'],
  });
  mount(r, deps, {
    path: 'windows', key: 'window', createSchema: WindowBody, patchSchema: WindowPatch,
    list: admin.listWindows, create: admin.createWindow, patch: admin.patchWindow, remove: admin.deleteWindow,
    supervisor: ['skills'],
  });
  mount(r, deps, {
    path: 'staff', key: 'staff', createSchema: StaffBody, patchSchema: StaffPatch,
    list: staffAdmin.listStaff, create: staffAdmin.createStaffMember, patch: staffAdmin.patchStaffMember, remove: staffAdmin.deleteStaffMember,
    prepare: staffAdmin.hashBeforeCommand,
  });
  mount(r, deps, {
    path: 'devices', key: 'device', createSchema: DeviceBody, patchSchema: DevicePatch,
    list: admin.listDevices, create: admin.createDevice, patch: admin.patchDevice, remove: admin.deleteDevice,
    created: (value) => value,
    prepare: checkPrinterUrl,
  });
  mount(r, deps, {
    path: 'notices', key: 'notice', createSchema: NoticeBody, patchSchema: NoticePatch,
    list: admin.listNotices, create: admin.createNotice, patch: admin.patchNotice, remove: admin.deleteNotice,
    supervisor: '*',
  });
  return r;
}
