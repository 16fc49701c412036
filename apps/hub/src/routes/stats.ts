// GET /hub/stats?from=&to=&hallId=: the hall stats figures over every hall (or one), plus byHall,
// computed in SQL on PostgreSQL by the shared KPI definitions.
import { kpiStats } from '@hallq/shared';
import { Router } from 'express';
import { allowStaff, authenticate } from '../http/auth';
import { HubError, parse } from '../http/errors';
import { HubStatsQuery, MAX_STATS_DAYS as MAX_DAYS } from '../http/schemas';
import type { HubDeps } from '../hub-deps';
import { PostgresKpiStore } from '../storage/pg-kpi-store';

export function statsRouter(deps: HubDeps): Router {
  const r = Router();
  const store = new PostgresKpiStore(deps.pool);
  r.get('/hub/stats', authenticate(deps.auth), allowStaff(), async (req, res) => {
    const q = parse(HubStatsQuery, req.query);
    const today = new Date(deps.now()).toISOString().slice(0, 10);
    const from = q.from ?? q.to ?? today;
    const to = q.to ?? from;
    if (from > to) throw new HubError('validation_failed', '`from` is after `to`');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_DAYS) throw new HubError('validation_failed', `at most ${MAX_DAYS} days at a time`);
    const halls = (await deps.pool.query<{ id: string }>('SELECT id FROM halls ORDER BY id')).rows.map((h) => h.id);
    if (q.hallId !== undefined && !halls.includes(q.hallId)) throw new HubError('not_found', `no hall ${q.hallId}`);
    res.json(await kpiStats(store, { from, to, hallId: q.hallId ?? null, now: deps.now() }, halls));
  });
  return r;
}
