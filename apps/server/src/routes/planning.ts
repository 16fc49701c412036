// Staffing planner: the forecast learned from the hall's history and the Erlang C plan with a
// skill assignment (services/planning). Admins and supervisors; reads only.
import { Router } from 'express';
import { z } from 'zod';
import { localDate } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { parse } from '../http/validate';
import { ownHall } from '../services/core';
import { DAY_TYPES } from '../services/planning/forecast';
import { hallForecast, hallPlan } from '../services/planning/planning-service';

const range = { from: localDate.optional(), to: localDate.optional(), days: z.enum(DAY_TYPES).optional() };

export const ForecastQuery = z.object(range);

const perHour = z.array(z.number().finite().min(0).max(10_000)).length(24);

export const PlanBody = z.strictObject({
  /** Mean arrivals per hour of day by service id; omitted = learned from the history. */
  forecast: z.record(z.string().min(1).max(100), perHour).optional(),
  /** Mean service minutes by service id; omitted ones are learned. */
  serviceMinutes: z.record(z.string().min(1).max(100), z.number().finite().min(0.1).max(480)).optional(),
  goalShare: z.number().min(0.5).max(0.99).default(0.9),
  targetMinutes: z.number().finite().min(1).max(24 * 60).optional(),
  ...range,
});

export function planningRouter(deps: AppDeps): Router {
  const r = Router();
  const planners = [deps.authenticate, deps.allow('admin', 'supervisor')];

  r.get('/halls/:hallId/planning/forecast', ...planners, (req, res) => {
    const m = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const q = parse(ForecastQuery, req.query);
    const forecast = hallForecast(deps.repos.history, m, q, deps.clock());
    res.json({
      ...forecast,
      waitTargetMinutes: m.hall.waitTargetSeconds / 60,
      services: [...m.services.values()].map((s) => ({ id: s.id, code: s.code, name: s.name, moduleId: s.moduleId, active: s.active })),
    });
  });

  r.post('/halls/:hallId/planning/plan', ...planners, (req, res) => {
    const m = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const body = parse(PlanBody, req.body);
    res.json(hallPlan(deps.repos.history, m, body, deps.clock()));
  });

  return r;
}
