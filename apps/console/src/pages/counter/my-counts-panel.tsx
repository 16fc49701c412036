import { useI18n } from '../../i18n';
import type { MyCounts } from './my-counts';

export function MyCountsPanel({ counts }: { counts: MyCounts }) {
  const { t } = useI18n();
  const share = counts.firstTimeGiven > 0 ? `${Math.round((100 * counts.firstTimeYes) / counts.firstTimeGiven)}%` : '—';
  return (
    <section className="card counts" data-testid="my-counts">
      <h2>{t('counter.myCounts')}</h2>
      <dl className="stat-row">
        <div>
          <dt>{t('counter.countDone')}</dt>
          <dd data-testid="count-done">{counts.done}</dd>
        </div>
        <div>
          <dt>{t('counter.countNoShow')}</dt>
          <dd>{counts.noShow}</dd>
        </div>
        <div>
          <dt>{t('counter.countTransferred')}</dt>
          <dd>{counts.transferred}</dd>
        </div>
        <div>
          <dt>{t('counter.countFirstTime')}</dt>
          <dd>{share}</dd>
        </div>
      </dl>
    </section>
  );
}
