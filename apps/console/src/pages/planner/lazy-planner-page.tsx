// The staffing planner with its charting library loaded only when opened, as the reports page,
// so the counter and the board (used all day on small machines) do not download it.
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n';

const PlannerPage = lazy(() => import('./planner-page').then((m) => ({ default: m.PlannerPage })));

export function LazyPlannerPage() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p>{t('common.loading')}</p>}>
      <PlannerPage />
    </Suspense>
  );
}
