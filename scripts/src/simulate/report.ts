// The readable report printed without --json.
import type { EstimatorEvaluation } from './estimator-eval';
import type { StaffingAnswer } from '@hallq/shared';
import type { SimulationResult } from '@hallq/simulation';
import { staffingText } from './plan-report';
import type { Scenario, ScenarioWindow } from '@hallq/simulation';

const min = (seconds: number | null): string => (seconds === null ? '-' : (seconds / 60).toFixed(1));
const pct = (share: number | null): string => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);
const ci = (c: [number, number] | null): string => (c ? `[${min(c[0])}, ${min(c[1])}]` : '-');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** The window sets side by side (the first set's hourly arrivals are shown), and the planner's answer when there is one. */
export function simulationReport(scenario: Scenario, sets: ReadonlyArray<SimulationResult>, plan: StaffingAnswer<ScenarioWindow> | null = null): string {
  const result = sets[0]!;
  const names = sets.map((s) => s.label ?? 'main');
  const lines: string[] = [];
  lines.push(`Scenario ${scenario.name}: ${scenario.replications} replications x ${scenario.hours} h (warm-up ${scenario.warmupHours} h), seed ${scenario.seed}, target ${scenario.waitTargetMinutes} min`);
  if (scenario.description) lines.push(scenario.description);
  for (const a of scenario.assumptions ?? []) lines.push(`  - ${a}`);
  lines.push('');
  lines.push(
    table([
      ['', ...names],
      ['mean wait (min)', ...sets.map((s) => min(s.meanWaitSeconds))],
      ['  95% CI', ...sets.map((s) => ci(s.meanWaitCi95))],
      ['p90 wait (min)', ...sets.map((s) => min(s.p90WaitSeconds))],
      [`within ${scenario.waitTargetMinutes} min`, ...sets.map((s) => pct(s.withinTargetShare))],
      ['served per day/run', ...sets.map((s) => s.served.toFixed(1))],
      ['mean number waiting', ...sets.map((s) => s.meanWaiting.toFixed(1))],
    ]),
  );
  lines.push('');
  lines.push('Mean wait by service (min):');
  lines.push(table([['', ...names], ...scenario.services.map((svc) => [svc.name ?? svc.id, ...sets.map((s) => min(s.services.find((x) => x.id === svc.id)?.meanWaitSeconds ?? null))])]));
  lines.push('');
  lines.push('Mean wait by hour of arrival (min):');
  const hours = [...new Set(sets.flatMap((s) => s.hourly.map((h) => h.hour)))].sort((a, b) => a - b);
  lines.push(
    table([
      ['hour', 'arrivals', ...names],
      ...hours.map((h) => [
        `${String(h).padStart(2, '0')}:00`,
        (result.hourly.find((x) => x.hour === h)?.arrivals ?? 0).toFixed(1),
        ...sets.map((s) => min(s.hourly.find((x) => x.hour === h)?.meanWaitSeconds ?? null)),
      ]),
    ]),
  );
  lines.push('');
  for (const s of sets) {
    lines.push(`Window utilisation, ${s.label ?? 'main'}: ${s.windows.map((w) => `${w.id} ${pct(w.utilisation)}`).join(', ')}`);
  }
  if (plan) lines.push('', ...staffingText(plan));
  return lines.join('\n') + '\n';
}

export function estimatorReport(evaluations: ReadonlyArray<EstimatorEvaluation>): string {
  const lines: string[] = [];
  for (const e of evaluations) {
    const r = e.range;
    lines.push(
      `Wait estimate at issue vs the wait that happened - ${e.scenario}${e.label ? `, ${e.label}` : ''}: held-out seeds ${e.seeds[0]}-${e.seeds[e.seeds.length - 1]} (${e.seeds.length} seeds x ${e.replicationsPerSeed} days, ${e.visitors} visitors, service-time alpha ${e.serviceTimeAlpha})`,
    );
    lines.push(
      table([
        ['', 'MAE (min)', 'p90 |error| (min)', 'bias (min)'],
        ['estimateWaits (real policy)', min(e.estimator.meanAbsErrorSeconds), min(e.estimator.p90AbsErrorSeconds), min(e.estimator.meanErrorSeconds)],
        ['naive (ahead x mean / windows)', min(e.naive.meanAbsErrorSeconds), min(e.naive.p90AbsErrorSeconds), min(e.naive.meanErrorSeconds)],
        ...(e.bound ? [[`bound (median of ${e.bound.replays} replays)`, min(e.bound.error.meanAbsErrorSeconds), min(e.bound.error.p90AbsErrorSeconds), min(e.bound.error.meanErrorSeconds)]] : []),
      ]),
    );
    lines.push(`MAE ratio ${e.maeRatio.toFixed(3)} (goal <= ${e.goalRatio}): ${e.meetsGoal ? 'met' : 'NOT met'}; per seed ${e.perSeed.map((s) => s.maeRatio.toFixed(2)).join(' ')}; worst ${e.worstSeedRatio.toFixed(3)}: ${e.notWorseThanNaive ? 'never worse than naive' : 'WORSE than naive on some seed'}`);
    if (e.bound) {
      const x = e.bound.expectedRatio;
      lines.push(
        `Bound on any estimator (the hall replayed ${e.bound.replays} times from each issue, the median of its waits): MAE ratio ${e.bound.maeRatio.toFixed(3)} on the waits that happened; per seed ${e.bound.perSeed.map((v) => v.toFixed(2)).join(' ')}; the estimate is ${min(e.bound.estimatorFromBoundSeconds)} min from it on average`,
        `  expected given the states visited (errors over the replays): best possible ${x.best.toFixed(3)} (${x.boundInSample.toFixed(3)}-${x.boundCrossHalf.toFixed(3)}), this estimator ${x.estimator.toFixed(3)}: the goal ${e.goalRatio} is ${x.best > e.goalRatio && e.bound.maeRatio > e.goalRatio ? 'out of reach for any estimator here' : 'within reach'}`,
      );
    }
    const how =
      r.kind === 'drawn' && r.drawn
        ? `random forecasts' ${pct(r.drawn.quantiles[0])}-${pct(r.drawn.quantiles[1])} quantiles moved out by ${pct(r.drawn.relative ?? 0)} -/+ ${r.drawn.slackSeconds} s, shown to the ${pct(r.shownShare)} not called at once`
        : `[${r.factors!.lowFactor} x (est + ${r.factors!.slackSeconds / 60} min) - ${r.factors!.slackSeconds / 60} min, ${r.factors!.highFactor} x (...) - ${r.factors!.slackSeconds / 60} min]`;
    lines.push(
      `Shown range (${how}) covers ${pct(r.coverage)} (goal ${pct(r.coverageGoal[0])}-${pct(r.coverageGoal[1])}): ${r.meetsCoverage ? 'met' : 'NOT met'}; counting immediate calls as covered ${pct(r.coverageAll)}`,
    );
    const a = e.atIssue;
    if (a) {
      lines.push(
        `As answered at issue (the server's latest refresh, no forecast of the new ticket; ${a.visitors} visitors): MAE ${min(a.estimator.meanAbsErrorSeconds)} min, ratio ${a.maeRatio.toFixed(3)} (goal <= ${e.goalRatio}): ${a.meetsGoal ? 'met' : 'NOT met'}; per seed ${a.perSeed.map((s) => s.maeRatio.toFixed(2)).join(' ')}; worst ${a.worstSeedRatio.toFixed(3)}: ${a.notWorseThanNaive ? 'never worse than naive' : 'WORSE than naive on some seed'}; range covers ${pct(a.coverage)} of the ${pct(a.shownShare)} shown one: ${a.meetsCoverage ? 'met' : 'NOT met'}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
