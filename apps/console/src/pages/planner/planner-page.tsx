// The staffing planner (supervisors and administrators): a forecast learned from the hall's
// history and editable per service and hour, a goal, and the server's Erlang C plan as a chart,
// an hourly table and a window skill suggestion.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { useSignedIn } from '../../hooks/use-session';
import { useAction } from '../../hooks/use-action';
import { api } from '../../lib/api';
import { ErrorBox } from '../../components/error-box';
import { ForecastTable } from './forecast-table';
import { PlannerChart } from './planner-chart';
import { PlanHoursTable, SkillPlanTable } from './plan-tables';
import {
  cellsOf,
  chartData,
  forecastBody,
  hourRange,
  plannedServices,
  type DayType,
  type ForecastCells,
  type ForecastResponse,
  type PlanResponse,
} from './planner-model';

const minutesOf = (f: ForecastResponse): Record<string, string> =>
  Object.fromEntries(Object.entries(f.serviceTimes).map(([id, s]) => [id, String(s.minutes)]));

export function PlannerPage() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const hallId = encodeURIComponent(me.hallId);
  const { run, error, setError, busy } = useAction();
  const [query, setQuery] = useState<{ from: string; to: string; days: DayType }>({ from: '', to: '', days: 'all' });
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
    async (q: { from: string; to: string; days: DayType }, first: boolean) => {
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const range = useMemo(() => hourRange(cells), [cells]);
  const services = learned ? plannedServices(learned) : [];

  return (
    <div className="planner" data-testid="planner-page">
      <div className="page-head">
        <h1>{t('planner.title')}</h1>
      </div>
      <p className="muted">{t('planner.intro')}</p>
      <ErrorBox error={error} />

      <section className="card">
        <h2>{t('planner.history')}</h2>
        <form
          className="row-form"
          onSubmit={(e) => {
            e.preventDefault();
            void learn(query, false);
          }}
        >
          <label>
            {t('planner.from')}
            <input type="date" name="from" value={query.from} onChange={(e) => setQuery({ ...query, from: e.target.value })} />
          </label>
          <label>
            {t('planner.to')}
            <input type="date" name="to" value={query.to} onChange={(e) => setQuery({ ...query, to: e.target.value })} />
          </label>
          <label>
            {t('planner.days')}
            <select name="days" value={query.days} onChange={(e) => setQuery({ ...query, days: e.target.value as DayType })}>
              {(['all', 'weekdays', 'weekends'] as const).map((d) => (
                <option key={d} value={d}>
                  {t(`planner.days.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {t('planner.learn')}
          </button>
        </form>
        {learned && (
          <p data-testid="learned-summary">
            {t('planner.learned', { from: learned.from, to: learned.to, active: learned.activeDays, days: learned.datesInRange, tickets: learned.tickets })}
          </p>
        )}
      </section>

      {learned && (
        <section className="card">
          <h2>{t('planner.forecast')}</h2>
          <ForecastTable
            services={services}
            serviceTimes={learned.serviceTimes}
            cells={cells}
            minutes={minutes}
            range={range}
            onCell={(id, h, text) => setCells((prev) => ({ ...prev, [id]: (prev[id] ?? []).map((v, i) => (i === h ? text : v)) }))}
            onMinutes={(id, text) => setMinutes((prev) => ({ ...prev, [id]: text }))}
          />
          <form
            className="row-form"
            style={{ marginTop: '0.75rem' }}
            onSubmit={(e) => {
              e.preventDefault();
              void compute(cells, minutes, learned, goalShare, targetMinutes);
            }}
          >
            <strong>{t('planner.goal')}</strong>
            <label>
              {t('planner.goalShare')}
              <input type="number" name="goalShare" min={50} max={99} step={1} value={goalShare} onChange={(e) => setGoalShare(e.target.value)} style={{ width: '5em' }} />
            </label>
            <label>
              {t('planner.targetMinutes')}
              <input type="number" name="targetMinutes" min={1} step={1} value={targetMinutes} onChange={(e) => setTargetMinutes(e.target.value)} style={{ width: '5em' }} />
            </label>
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? t('planner.computing') : t('planner.compute')}
            </button>
            <button
              type="button"
              onClick={() => {
                setCells(cellsOf(learned));
                setMinutes(minutesOf(learned));
              }}
            >
              {t('planner.reset')}
            </button>
          </form>
        </section>
      )}

      {plan && (
        <>
          <section className="card" data-testid="plan-summary">
            <p>
              <strong>{t('planner.goalText', { share: Math.round(plan.goal.share * 100), minutes: plan.goal.targetMinutes })}</strong>
            </p>
            {plan.span ? (
              <p data-testid="plan-totals">
                {t('planner.summary', {
                  hours: plan.totals.recommendedWindowHours,
                  peak: plan.totals.peakRecommended,
                  dedicated: plan.totals.dedicatedWindowHours,
                  pooled: plan.totals.pooledWindowHours,
                })}
              </p>
            ) : (
              <p>{t('planner.noArrivals')}</p>
            )}
            <p className="info" data-testid="plan-method" data-method={plan.method}>
              {t('planner.method')}
            </p>
            {plan.scenario && (
              <a
                className="btn"
                download="plan.json"
                href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(plan.scenario, null, 2))}`}
              >
                {t('planner.download')}
              </a>
            )}
          </section>
          <PlannerChart data={chartData(plan, range)} />
          <section className="card">
            <PlanHoursTable plan={plan} range={range} />
          </section>
          {plan.skillPlan.length > 0 && <SkillPlanTable plan={plan} />}
        </>
      )}
    </div>
  );
}
