// The plan in a few lines: the goal, the window-hours it needs and how it was computed.
import { useI18n } from '../../i18n';
import type { PlanResponse } from './planner-model';

export function PlanSummary({ plan }: { plan: PlanResponse }) {
  const { t } = useI18n();
  return (
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
    </section>
  );
}
