// Appointments: booked by staff or an appointment portal (admin or supervisor token), looked up
// by code at the kiosk, checked in by issuing a ticket with `appointmentCode`.
import { randomInt } from 'node:crypto';
import { Router } from 'express';
import { AppointmentBody, localDate } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { command } from '../http/command';
import { parse } from '../http/validate';
import { actorOf, audit, ownHall } from '../services/core';
import { localTime } from '../services/clock';
import { AppError, notFound } from '../services/errors';
import { newId } from '../services/ids';

/** Appointments are booked for the coming year at most. */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

export function appointmentsRouter(deps: AppDeps): Router {
  const r = Router();
  const core = deps; // AppDeps is the use cases' Core

  r.post('/halls/:hallId/appointments', deps.authenticate, deps.allow('admin', 'supervisor'), async (req, res) => {
    const body = parse(AppointmentBody, req.body);
    await command(deps, req, res, () => {
      const hallId = req.params.hallId as string;
      const m = ownHall(core, deps.identity(res), hallId);
      if (!m.services.has(body.serviceId)) throw notFound('service');
      const at = Date.parse(body.at);
      const now = core.clock();
      if (at < now) throw new AppError('validation_failed', 'at: the appointment time is in the past', [{ path: ['at'], message: 'in the past', code: 'custom' }]);
      if (at > now + MAX_AHEAD_MS) throw new AppError('validation_failed', 'at: at most a year ahead', [{ path: ['at'], message: 'more than a year ahead', code: 'custom' }]);
      let code = body.code;
      if (code === undefined) {
        do code = String(randomInt(100000, 1000000));
        while (core.repos.appointments.byCode(hallId, code));
      } else if (core.repos.appointments.byCode(hallId, code)) throw new AppError('conflict', 'this appointment code is taken', { code });
      const id = newId('apt');
      core.repos.appointments.create({ id, hallId, code, serviceId: body.serviceId, at, serviceDate: localTime(at, m.hall.timezone).date, createdAt: core.clock() });
      audit(core, hallId, actorOf(deps.identity(res)), 'appointment.create', id, { serviceId: body.serviceId, at: body.at });
      const { hallId: _h, atMs: _a, endMs: _e, ...appointment } = core.repos.appointments.byCode(hallId, code)!;
      return { status: 201, body: { appointment } };
    });
  });

  r.get('/halls/:hallId/appointments', deps.authenticate, deps.allow('admin', 'supervisor'), (req, res) => {
    const hallId = req.params.hallId as string;
    const m = ownHall(core, deps.identity(res), hallId);
    const date = req.query.date === undefined ? localTime(core.clock(), m.hall.timezone).date : parse(localDate, req.query.date);
    res.json({ appointments: core.repos.appointments.ofDay(hallId, date).map(({ hallId: _h, atMs: _a, endMs: _e, ...a }) => a) });
  });

  // The kiosk looks a code up before the visitor confirms: only what the visitor needs to see.
  r.get('/halls/:hallId/appointments/:code', deps.authenticate, deps.allow('kiosk', 'admin', 'supervisor', 'officer', 'helper'), (req, res) => {
    const hallId = req.params.hallId as string;
    ownHall(core, deps.identity(res), hallId);
    const a = core.repos.appointments.byCode(hallId, req.params.code as string);
    if (!a || a.status === 'cancelled') throw new AppError('appointment_not_found', 'no appointment has this code');
    res.json({ appointment: { code: a.code, serviceId: a.serviceId, at: a.at, serviceDate: a.serviceDate, status: a.status } });
  });

  return r;
}
