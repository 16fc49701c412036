// The reports page with its charting library loaded only when opened, so the counter and the
// board (used all day on small machines) do not download it.
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n';

const ReportsPage = lazy(() => import('./reports-page').then((m) => ({ default: m.ReportsPage })));

export function LazyReportsPage() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p>{t('common.loading')}</p>}>
      <ReportsPage />
    </Suspense>
  );
}
