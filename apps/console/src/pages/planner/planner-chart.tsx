// Visitors (bars, left axis) and windows (lines, right axis) per hour of the day.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n';
import type { ChartPoint } from './planner-model';

export function PlannerChart({ data }: { data: ChartPoint[] }) {
  const { t } = useI18n();
  return (
    <section className="card" data-testid="planner-chart">
      <h2>{t('planner.chart')}</h2>
      <div style={{ width: '100%', height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="hour" />
            <YAxis yAxisId="visitors" allowDecimals={false} />
            <YAxis yAxisId="windows" orientation="right" allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar yAxisId="visitors" dataKey="arrivals" name={t('planner.arrivals')} fill="#93c5fd" isAnimationActive={false} />
            <Line yAxisId="windows" type="stepAfter" dataKey="recommended" name={t('planner.recommended')} stroke="#b91c1c" strokeWidth={3} dot isAnimationActive={false} />
            <Line yAxisId="windows" type="stepAfter" dataKey="dedicated" name={t('planner.dedicated')} stroke="#6b7280" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            <Line yAxisId="windows" type="stepAfter" dataKey="pooled" name={t('planner.pooled')} stroke="#059669" strokeDasharray="2 3" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
