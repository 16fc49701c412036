// KPIs: GET /halls/:hallId/stats (API.md) and the period comparison (extension).
import { Router } from 'express';
import { z } from 'zod';
import { localDate, StatsQuery } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { parse } from '../http/validate';
import { ownHall } from '../services/core';
import { compareStats } from '../services/stats/compare';
import { hallStats } from '../services/stats/stats-service';

export const CompareQuery = z
  .object({ from: localDate, to: localDate, beforeFrom: localDate, beforeTo: localDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => q.beforeFrom <= q.beforeTo, { message: 'beforeFrom must not be after beforeTo', path: ['beforeFrom'] });

export function statsRouter(deps: AppDeps): Router {
  const r = Router();
  const figures = [deps.authenticate, deps.allow('admin', 'supervisor')];

  r.get('/halls/:hallId/stats', ...figures, (req, res) => {
    const { hall } = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const q = parse(StatsQuery, req.query);
    res.json(hallStats({ repos: deps.repos, hall, from: q.from, to: q.to, now: deps.clock() }));
  });

  r.get('/halls/:hallId/stats/compare', ...figures, (req, res) => {
    const { hall } = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const q = parse(CompareQuery, req.query);
    const now = deps.clock();
    const before = hallStats({ repos: deps.repos, hall, from: q.beforeFrom, to: q.beforeTo, now });
    const after = hallStats({ repos: deps.repos, hall, from: q.from, to: q.to, now });
    res.json(compareStats(before, after));
  });

  return r;
}
