// The planner page's state: the forecast learned from the history (editable), the goal, and the
// server's Erlang C plan for them.
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { useAction } from '../../hooks/use-action';
import { api } from '../../lib/api';
import { cellsOf, forecastBody, type DayType, type ForecastCells, type ForecastResponse, type PlanResponse } from './planner-model';

export type HistoryQuery = { from: string; to: string; days: DayType };

export const minutesOf = (f: ForecastResponse): Record<string, string> =>
  Object.fromEntries(Object.entries(f.serviceTimes).map(([id, s]) => [id, String(s.minutes)]));

export function usePlanner(hallId: string) {
  const { t } = useI18n();
  const action = useAction();
  const { run, setError } = action;
  const [query, setQuery] = useState<HistoryQuery>({ from: '', to: '', days: 'all' });
  const [learned, setLearned] = useState<ForecastResponse | null>(null);
  const [cells, setCells] = useState<ForecastCells>({});
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [goalShare, setGoalShare] = useState('90');
  const [targetMinutes, setTargetMinutes] = useState('');
  const [plan, setPlan] = useState<PlanResponse | null>(null);

  const compute = useCallback(
    async (c: ForecastCells, m: Record<string, string>, base: ForecastResponse, share: string, target: string) => {
      const body = forecastBody(c);
      if ('invalid' in body) {
        setError({ code: 'validation_failed', message: t('planner.invalid'), fields: body.invalid.map((p) => ({ path: p, message: t('planner.invalid') })) });
        return;
      }
      // Send only the service times that differ from the learned ones.
      const serviceMinutes: Record<string, number> = {};
      for (const [id, text] of Object.entries(m)) {
        if (!(id in c)) continue;
        const n = Number(text);
        if (Number.isFinite(n) && n > 0 && n !== base.serviceTimes[id]?.minutes) serviceMinutes[id] = n;
      }
      const p = await run(() =>
        api.post<PlanResponse>(`/halls/${hallId}/planning/plan`, {
          forecast: body.forecast,
          serviceMinutes,
          goalShare: Number(share) / 100,
          targetMinutes: target.trim() ? Number(target) : undefined,
          from: base.from,
          to: base.to,
          days: base.days,
        }),
      );
      if (p) setPlan(p);
    },
    [hallId, run, setError, t],
  );

  const learn = useCallback(
    async (q: HistoryQuery, first: boolean) => {
      const params = new URLSearchParams({ days: q.days });
      if (q.from) params.set('from', q.from);
      if (q.to) params.set('to', q.to);
      const f = await run(() => api.get<ForecastResponse>(`/halls/${hallId}/planning/forecast?${params.toString()}`));
      if (!f) return;
      const c = cellsOf(f);
      const m = minutesOf(f);
      setLearned(f);
      setCells(c);
      setMinutes(m);
      setQuery({ from: f.from, to: f.to, days: f.days });
      const target = first ? String(f.waitTargetMinutes) : targetMinutes;
      if (first) setTargetMinutes(target);
      await compute(c, m, f, goalShare, target);
    },
    [hallId, run, compute, goalShare, targetMinutes],
  );

  useEffect(() => {
    void learn({ from: '', to: '', days: 'all' }, true);
    // Learn once on opening; later the buttons do.
  }, []);

  return {
    ...action,
    query, setQuery, learned, cells, setCells, minutes, setMinutes, goalShare, setGoalShare, targetMinutes, setTargetMinutes, plan,
    learn: (q: HistoryQuery) => learn(q, false),
    compute: () => (learned ? compute(cells, minutes, learned, goalShare, targetMinutes) : Promise.resolve()),
  };
}

export type Planner = ReturnType<typeof usePlanner>;
