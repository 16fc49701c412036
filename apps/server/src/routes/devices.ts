// Device extensions: demo pairing from loopback, and a device reporting its own state.
import { Router } from 'express';
import { DEVICE_KINDS, DeviceStatusBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { command } from '../http/command';
import { parse } from '../http/validate';
import { reportDeviceStatus } from '../services/device-service';
import { AppError } from '../services/errors';
import { z } from 'zod';

const PairQuery = z.object({ kind: z.enum(DEVICE_KINDS) });
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function devicesRouter(deps: AppDeps): Router {
  const r = Router();

  r.get('/pair/demo', (req, res) => {
    if (!deps.config.demo) throw new AppError('not_found', 'demo pairing exists only in demo mode');
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) throw new AppError('forbidden', 'demo pairing only from this computer');
    const { kind } = parse(PairQuery, req.query);
    const entry = deps.repos.devices.demoTokens().find((d) => d.kind === kind);
    const device = entry ? deps.repos.devices.listOfHall('demo').find((d) => d.id === entry.deviceId && !d.revoked) : undefined;
    if (!entry || !device) throw new AppError('not_found', `no demo ${kind} device`);
    res.json({ token: entry.token, device: { id: device.id, kind: device.kind, name: device.name, windowNumber: device.windowNumber, hallId: device.hallId } });
  });

  r.post('/devices/me/status', deps.authenticate, deps.allow('kiosk', 'display', 'rating-pad'), async (req, res) => {
    const body = parse(DeviceStatusBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: reportDeviceStatus(deps, tx, deps.identity(res), body) }));
  });
  return r;
}
