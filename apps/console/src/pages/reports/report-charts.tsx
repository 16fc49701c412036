// The charts of the reports page, drawn with recharts: wait vs target by hour, window
// utilisation, satisfaction / first-time acceptance trends and the before/after comparison.
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import type { StatsComparison, HallStats } from '@hallq/shared';
import { comparisonRows, trends, utilisation, waitByHour, minutes } from './reports-model';
import { ScrollTable } from '../../components/table-scroll';

const BRAND = '#0b4f9c';
const OVER = '#c0262d';
const OK = '#0f7b3a';
const GREY = '#9ca3af';

function ChartCard(props: { id: string; title: string; empty: boolean; children: React.ReactElement }) {
  const { t } = useI18n();
  return (
    <section className="card chart-card" data-testid={`chart-${props.id}`}>
      <h2>{props.title}</h2>
      {props.empty ? <p className="muted">{t('reports.noData')}</p> : <div className="chart-box"><ResponsiveContainer width="100%" height={240}>{props.children}</ResponsiveContainer></div>}
    </section>
  );
}

export function WaitByHourChart({ stats }: { stats: HallStats }) {
  const { t } = useI18n();
  const data = waitByHour(stats);
  return (
    <ChartCard id="wait-by-hour" title={t('reports.chart.waitByHour')} empty={data.length === 0}>
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis unit="′" />
        <Tooltip />
        <Legend />
        <Bar dataKey="meanWaitMin" name={t('reports.chart.meanWait')} fill={BRAND} isAnimationActive={false} />
        <Line dataKey="p90WaitMin" name={t('reports.chart.p90Wait')} stroke={GREY} dot={false} isAnimationActive={false} />
        <ReferenceLine y={minutes(stats.waitTargetSeconds)!} ifOverflow="extendDomain" stroke={OVER} strokeWidth={2} strokeDasharray="6 3" label={{ value: t('reports.chart.target'), position: 'insideTopRight', fill: OVER }} />
      </ComposedChart>
    </ChartCard>
  );
}

export function UtilisationChart({ stats }: { stats: HallStats }) {
  const { t } = useI18n();
  const data = utilisation(stats).map((w) => ({ ...w, label: t('reports.chart.window', { n: w.window }) }));
  return (
    <ChartCard id="utilisation" title={t('reports.chart.utilisation')} empty={data.length === 0}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis domain={[0, 100]} unit="%" />
        <Tooltip />
        <Bar dataKey="pct" name={t('reports.chart.utilisationPct')} fill={BRAND} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}

export function TrendsChart({ stats }: { stats: HallStats }) {
  const { t } = useI18n();
  const data = trends(stats);
  return (
    <ChartCard id="trends" title={t('reports.chart.trends')} empty={data.every((d) => d.issued === 0)}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis domain={[0, 100]} unit="%" />
        <Tooltip />
        <Legend />
        <ReferenceLine y={90} stroke={OK} strokeDasharray="4 4" />
        <Line dataKey="satisfiedPct" name={t('reports.chart.satisfied')} stroke={OK} connectNulls isAnimationActive={false} />
        <Line dataKey="firstTimePct" name={t('reports.chart.firstTime')} stroke={BRAND} connectNulls isAnimationActive={false} />
        <Line dataKey="withinTargetPct" name={t('reports.chart.withinTarget')} stroke={GREY} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartCard>
  );
}

/** Before/after: a small chart per KPI (units differ) and the table of figures beside them. */
export function ComparisonPanel({ comparison }: { comparison: StatsComparison }) {
  const { t } = useI18n();
  const rows = comparisonRows(comparison);
  const unit = (u: string, v: number | null) => (v === null ? '–' : u === 'min' ? t('reports.unit.min', { n: v }) : u === 'pct' ? t('reports.unit.pct', { n: v }) : String(v));
  const label = (kpi: string) => t(`reports.kpi.${kpi}` as MessageKey);
  const charted = rows.filter((r) => r.unit !== 'count');
  return (
    <section className="card" data-testid="chart-compare">
      <h2>
        {t('reports.chart.compare')}{' '}
        <span className="muted">
          {t('reports.period', { from: comparison.before.from, to: comparison.before.to })} → {t('reports.period', { from: comparison.after.from, to: comparison.after.to })}
        </span>
      </h2>
      <div className="compare-grid">
        <div className="chart-box">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={charted.map((r) => ({ name: label(r.kpi), before: r.before, after: r.after }))} layout="vertical" margin={{ left: 40, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis type="category" dataKey="name" width={150} />
              <Tooltip />
              <Legend />
              <Bar dataKey="before" name={t('reports.chart.before')} fill={GREY} isAnimationActive={false} />
              <Bar dataKey="after" name={t('reports.chart.after')} fill={BRAND} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <ScrollTable label={t('reports.chart.compare')} headers={[null, t('reports.chart.before'), t('reports.chart.after'), t('reports.chart.change')]} className="compare-table">
          {rows.map((r) => (
            <tr key={r.kpi} data-kpi={r.kpi}>
              <th scope="row">{label(r.kpi)}</th>
              <td>{unit(r.unit, r.before)}</td>
              <td>{unit(r.unit, r.after)}</td>
              <td>{r.change === null ? '–' : `${r.change > 0 ? '+' : ''}${r.change}`}</td>
            </tr>
          ))}
        </ScrollTable>
      </div>
    </section>
  );
}
