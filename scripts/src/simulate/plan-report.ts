// The readable staffing plan printed by --plan without --json.
import type { StaffingPlan } from './planner';

export function planReport(plan: StaffingPlan): string {
  const ids = Object.keys(plan.hours[0]?.windows ?? {});
  const lines: string[] = [];
  lines.push(`Staffing plan for ${plan.scenario}: ${(plan.goal.share * 100).toFixed(0)}% of visitors called within ${plan.goal.targetMinutes} min`);
  lines.push(`Erlang C first cut per service (dedicated), then simulation with pooled tiered windows (${plan.simulations} runs).`);
  lines.push('');
  const header = ['hour', 'arrivals', 'Erlang C', 'pooled bound', 'planned', ...ids.map((id) => `${id}`), 'within', 'mean wait'];
  const rows = plan.hours.map((h) => [
    `${String(h.hour).padStart(2, '0')}:00`,
    Object.values(h.arrivalsPerHour)
      .reduce((a, b) => a + b, 0)
      .toFixed(0),
    String(h.erlangTotal),
    String(h.pooledErlangWindows),
    String(h.total),
    ...ids.map((id) => String(h.windows[id] ?? 0)),
    h.withinTargetShare === null ? '-' : `${(h.withinTargetShare * 100).toFixed(1)}%`,
    h.meanWaitSeconds === null ? '-' : `${(h.meanWaitSeconds / 60).toFixed(1)} min`,
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  for (const r of all) lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  lines.push('');
  lines.push(`Window-hours: Erlang C (dedicated) ${plan.erlangWindowHours}, planned (pooled, simulated) ${plan.plannedWindowHours}`);
  const s = plan.simulation;
  lines.push(
    `Simulated with the plan: ${(s.withinTargetShare * 100).toFixed(1)}% within target, mean wait ${(s.meanWaitSeconds / 60).toFixed(1)} min, p90 ${(s.p90WaitSeconds / 60).toFixed(1)} min; goal ${plan.met ? 'met in every hour' : 'NOT met in every hour'}`,
  );
  lines.push('Per-service columns are windows by primary (tier-1) skill; every window takes the other services as tier 2.');
  return lines.join('\n') + '\n';
}
