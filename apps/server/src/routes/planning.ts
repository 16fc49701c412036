// Staffing planner: the forecast learned from the hall's history and the Erlang C plan with a
// skill assignment (services/planning). Admins and supervisors; reads only.
import { Router } from 'express';
import { z } from 'zod';
import { DAY_TYPES, localDate, SkillList, type PlanningForecast } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { parse } from '../http/validate';
import { ownHall } from '../services/core';
import { hallForecast, hallPlan, hallTomorrow } from '../services/planning/planning-service';
import { patchWindow } from '../services/admin-service';
import { AppError } from '../services/errors';
import { command } from '../http/command';

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

export const TomorrowBody = z.strictObject({
  /** Proposed skills by window id (omitted windows keep theirs); omitted = today's matrix only. */
  skills: z.record(z.string().min(1).max(100), SkillList).optional(),
  /** Also run the staffing planner for its own proposal (slower). */
  suggest: z.boolean().default(false),
  goalShare: z.number().min(0.5).max(0.99).default(0.9),
  targetMinutes: z.number().finite().min(1).max(24 * 60).optional(),
  /** How many services one person can be trained for; default the most any window carries today. */
  maxServicesPerPerson: z.number().int().min(1).max(200).optional(),
  ...range,
});

export const ApplySkillsBody = z.strictObject({
  /** New skills by window id, applied together. */
  windows: z.record(z.string().min(1).max(100), SkillList.min(1)),
});

export function planningRouter(deps: AppDeps): Router {
  const r = Router();
  const planners = [deps.authenticate, deps.allow('admin', 'supervisor')];

  r.get('/halls/:hallId/planning/forecast', ...planners, (req, res) => {
    const m = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const q = parse(ForecastQuery, req.query);
    const answer: PlanningForecast = {
      ...hallForecast(deps.repos.history, m, q, deps.clock()),
      waitTargetMinutes: m.hall.waitTargetSeconds / 60,
      services: [...m.services.values()].map((s) => ({ id: s.id, code: s.code, name: s.name, moduleId: s.moduleId, active: s.active })),
    };
    res.json(answer);
  });

  r.post('/halls/:hallId/planning/plan', ...planners, (req, res) => {
    const m = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const body = parse(PlanBody, req.body);
    res.json(hallPlan(deps.repos.history, m, body, deps.clock()));
  });

  r.post('/halls/:hallId/planning/tomorrow', ...planners, (req, res) => {
    const m = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const body = parse(TomorrowBody, req.body);
    res.json(hallTomorrow(deps.repos.history, m, body, deps.clock()));
  });

  // The skills matrix applied in one step: one transaction, an audit row per window changed.
  r.post('/halls/:hallId/windows/skills', ...planners, async (req, res) => {
    const body = parse(ApplySkillsBody, req.body);
    const hallId = req.params.hallId as string;
    const m = ownHall(deps, deps.identity(res), hallId);
    const unknown = Object.keys(body.windows).filter((id) => !m.windows.has(id));
    if (unknown.length) throw new AppError('validation_failed', 'unknown window', unknown.map((id) => ({ path: ['windows', id], message: `no window ${id} in this hall`, code: 'custom' })));
    await command(deps, req, res, (tx) => ({
      status: 200,
      body: { windows: Object.entries(body.windows).map(([id, skills]) => patchWindow(deps, tx, deps.identity(res), hallId, id, { skills })) },
    }));
  });

  return r;
}
