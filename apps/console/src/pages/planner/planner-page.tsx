// The staffing planner (supervisors and administrators): a forecast learned from the hall's
// history and editable per service and hour, a goal, the server's Erlang C plan (chart, hourly
// table, window suggestion), and tomorrow simulated with today's skills matrix beside an edited
// one (or the planner's), applied in one step.
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { useSignedIn } from '../../hooks/use-session';
import { ErrorBox } from '../../components/error-box';
import { ForecastSection } from './forecast-section';
import { HistoryForm } from './history-form';
import { PlannerChart } from './planner-chart';
import { PlanHoursTable, SkillPlanTable } from './plan-tables';
import { PlanSummary } from './plan-summary';
import { chartData, hourRange } from './planner-model';
import { TomorrowPanel } from './tomorrow-panel';
import { usePlanner } from './use-planner';

export function PlannerPage() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const p = usePlanner(encodeURIComponent(me.hallId));
  const range = useMemo(() => hourRange(p.cells), [p.cells]);
  const { plan } = p;
  return (
    <div className="planner" data-testid="planner-page">
      <div className="page-head">
        <h1>{t('planner.title')}</h1>
      </div>
      <p className="muted">{t('planner.intro')}</p>
      <ErrorBox error={p.error} />
      <HistoryForm p={p} />
      <ForecastSection p={p} range={range} />
      {plan && (
        <>
          <PlanSummary plan={plan} />
          <PlannerChart data={chartData(plan, range)} />
          <section className="card">
            <PlanHoursTable plan={plan} range={range} />
          </section>
          {plan.skillPlan.length > 0 && <SkillPlanTable plan={plan} />}
        </>
      )}
      <TomorrowPanel hallId={me.hallId} goalShare={Number(p.goalShare) / 100 || 0.9} targetMinutes={p.targetMinutes.trim() ? Number(p.targetMinutes) : undefined} />
    </div>
  );
}
