// Arrivals by weekday x hour as a shaded table (a heat map people can read cell by cell).
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import type { HallStats } from '@hallq/shared';
import { arrivalsGrid } from './reports-model';

export function ArrivalsGrid({ stats }: { stats: HallStats }) {
  const { t } = useI18n();
  const grid = arrivalsGrid(stats.arrivals);
  return (
    <section className="card chart-card" data-testid="chart-arrivals">
      <h2>{t('reports.chart.arrivals')}</h2>
      {/* A scrollable region is focusable, so keyboard users can scroll it too (axe: scrollable-region-focusable). */}
      <div className="arrivals-scroll" tabIndex={0} role="region" aria-label={t('reports.chart.arrivals')}>
        <table className="arrivals">
          <thead>
            <tr>
              <td />
              {grid.hours.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{t(`reports.weekday.${i + 1}` as MessageKey)}</th>
                {row.map((v, j) => {
                  const strength = v === null || grid.max === 0 ? 0 : v / grid.max;
                  // Black reads on the lighter shades, white only on the darkest (at least 4.5:1
                  // either way, WCAG AA: white on the middle blues is under 3:1).
                  return (
                    <td
                      key={j}
                      className={v === null ? 'none' : undefined}
                      style={{ background: v === null ? undefined : `rgba(11, 79, 156, ${(0.08 + 0.85 * strength).toFixed(2)})`, color: strength >= 0.8 ? '#fff' : '#000' }}
                    >
                      {v === null || v === 0 ? '' : v}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
