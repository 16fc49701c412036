// npm run simulate -- --scenario <file.json | built-in> [--json] [--chart waits.svg]
//                     [--evaluate-estimator] [--plan [--goal-share 0.9] [--target-minutes 40]]
//                     [--replications N] [--seed N]
// With --json, stdout holds exactly one JSON object; everything else goes to stderr.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { waitChartSvg } from './chart';
import { BOUND_REPLAYS, coverageByWidening, evaluateEstimator, estimateRecords, HELD_OUT_SEEDS, TUNING_SEEDS, tuneDrawnQuantiles, tuneRange } from './estimator-eval';
import { builtInScenarios, loadScenario } from './load-scenario';
import { beforeAndAfter, sideBySide } from './compare';
import { demoHistory } from './demo-history';
import { plannedWindows, planReport, scenarioPlan } from './plan-report';
import { planProgress } from './plan-progress';
import { planScenario } from '@hallq/simulation';
import { estimatorReport, simulationReport } from './report';
import { simulateWithVariants } from '@hallq/simulation';
import type { Scenario } from '@hallq/simulation';

const USAGE = `usage: npm run simulate -- --scenario <file.json | built-in name> [options]
  --json                  print one JSON object on stdout (logs on stderr)
  --chart <file.svg>      write a chart of the mean wait by hour of arrival (all window sets)
  --evaluate-estimator    compare the wait shown at issue with the wait that happened, on
                          held-out seeds (never used for tuning), every window set
  --estimator-bound       with --evaluate-estimator: also the bound on any estimator, the hall
                          replayed from each issue (--bound-replays, default 50; minutes)
  --bound-replays <n>     replays per issue for --estimator-bound
  --tune-estimator        the shown range's quantiles (and the factors used without random
                          forecasts) fitted on the tuning seeds
  --demo-history <file>   write 60 generated days (30 before, 30 with the planner's windows)
                          for the hall server's demo mode
  --plan                  staffing plan: Erlang C by hour, then the skill assignment of the
                          scenario's windows meeting the goal (or the smallest headcount that does)
  --goal-share <0..1>     plan goal: share of visitors called within the target (default: the
                          scenario's staffing.goalShare, else 0.9)
  --target-minutes <n>    plan goal: the target (default: the scenario's waitTargetMinutes)
  --service-time-alpha <a>  with --evaluate-estimator: learning weight of the mean service
                          time (default: the server's SERVICE_TIME_ALPHA)
  --replications <n>      override the scenario's replications
  --seed <n>              override the scenario's seed
built-in scenarios: ${builtInScenarios().join(', ')}
`;

/** A number option within [min, max] (an integer when `integer`), or undefined when not given. */
function numberOption(value: string | undefined, name: string, min = -Infinity, max = Infinity, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const kind = integer ? 'an integer' : 'a number';
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max)
    throw new Error(`--${name} needs ${kind}${Number.isFinite(min) || Number.isFinite(max) ? ` from ${min} to ${max}` : ''}, got "${value}"`);
  return n;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      json: { type: 'boolean', default: false },
      chart: { type: 'string' },
      'evaluate-estimator': { type: 'boolean', default: false },
      'tune-estimator': { type: 'boolean', default: false },
      'estimator-bound': { type: 'boolean', default: false },
      'bound-replays': { type: 'string' },
      'demo-history': { type: 'string' },
      plan: { type: 'boolean', default: false },
      'goal-share': { type: 'string' },
      'target-minutes': { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      'service-time-alpha': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write(USAGE);
    return 0;
  }
  if (!values.scenario) {
    process.stderr.write(`--scenario is required\n${USAGE}`);
    return 2;
  }
  const loaded = loadScenario(values.scenario);
  const replications = numberOption(values.replications, 'replications', 1, 1000, true);
  const seed = numberOption(values.seed, 'seed', -(2 ** 31), 2 ** 32, true);
  const boundReplaysOption = numberOption(values['bound-replays'], 'bound-replays', 1, 1000, true);
  // An option of another mode, or a second mode, would be ignored without a word: refused instead.
  const modes = (['demo-history', 'plan', 'evaluate-estimator', 'tune-estimator'] as const).filter((m) => values[m] !== undefined && values[m] !== false);
  if (modes.length > 1) throw new Error(`--${modes.join(' and --')}: one at a time`);
  const goesWith: Array<[option: string, given: boolean, mode: string, on: boolean]> = [
    ['goal-share', values['goal-share'] !== undefined, '--plan', values.plan],
    ['target-minutes', values['target-minutes'] !== undefined, '--plan', values.plan],
    ['estimator-bound', values['estimator-bound'], '--evaluate-estimator', values['evaluate-estimator']],
    ['bound-replays', values['bound-replays'] !== undefined, '--estimator-bound', values['estimator-bound']],
    ['service-time-alpha', values['service-time-alpha'] !== undefined, '--evaluate-estimator or --tune-estimator', values['evaluate-estimator'] || values['tune-estimator']],
  ];
  for (const [option, given, mode, on] of goesWith) if (given && !on) throw new Error(`--${option} goes with ${mode}; alone it would change nothing`);
  const scenario: Scenario = {
    ...loaded,
    ...(replications !== undefined ? { replications: Math.max(1, Math.round(replications)) } : {}),
    ...(seed !== undefined ? { seed: Math.round(seed) } : {}),
  };
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const started = Date.now();
  const log = (msg: string): void => void process.stderr.write(`${msg}\n`);
  let output: unknown;
  let text: string;

  if (values['demo-history']) {
    const history = demoHistory(scenario);
    const file = resolve(cwd, values['demo-history']);
    writeFileSync(file, `${JSON.stringify(history)}\n`);
    output = { file, days: history.days.length, visitors: history.days.reduce((a, d) => a + d.length, 0) };
    text = `demo history written to ${file}: ${history.days.length} days, ${(output as { visitors: number }).visitors} visitors\n`;
  } else if (values.plan) {
    const plan = scenarioPlan(scenario, {
      goal: { share: numberOption(values['goal-share'], 'goal-share', 0, 1), targetMinutes: numberOption(values['target-minutes'], 'target-minutes', 0.1, 24 * 60) },
      onEvaluation: planProgress(),
    });
    output = plan;
    text = planReport(plan);
  } else if (values['evaluate-estimator'] || values['tune-estimator']) {
    // Window sets: the scenario's, its variants, and with a staffing section the planner's.
    const sets = [
      { windows: scenario.windows, label: scenario.label ?? null },
      ...(scenario.variants ?? []).map((v) => ({ windows: v.windows, label: v.label ?? v.id })),
      ...(scenario.staffing ? [{ windows: plannedWindows(planScenario(scenario, { onEvaluation: planProgress() })), label: "after: planner's windows" }] : []),
    ];
    const serviceTimeAlpha = numberOption(values['service-time-alpha'], 'service-time-alpha', 0, 1);
    const replicationsPerSeed = replications !== undefined ? Math.max(1, Math.round(replications)) : undefined;
    if (values['tune-estimator']) {
      const bySet = sets.map((s) => ({ label: s.label, records: TUNING_SEEDS.flatMap((seed) => estimateRecords(scenario, seed, { ...s, serviceTimeAlpha, replicationsPerSeed, estimator: { keepDraws: true } })) }));
      const records = bySet.flatMap((s) => s.records);
      const drawnQuantiles = tuneDrawnQuantiles(records);
      const factors = tuneRange(records);
      const widenings = coverageByWidening(bySet);
      output = { tuningSeeds: TUNING_SEEDS, drawnQuantiles, range: factors, widenings };
      text =
        `Shown range tuned on seeds ${TUNING_SEEDS.join(', ')}: random forecasts' quantiles ${JSON.stringify(drawnQuantiles)}; factors around the estimate (no draws) ${JSON.stringify(factors)}\n` +
        widenings.map((w) => `  ${w.label ?? 'main'}: coverage with the shared quantiles moved out by ${Object.entries(w.coverage).map(([k, v]) => `${Number(k) * 100}%: ${(v * 100).toFixed(1)}%`).join(', ')}\n`).join('');
    } else {
      const boundReplays = values['estimator-bound'] ? (boundReplaysOption ?? BOUND_REPLAYS) : undefined;
      const evaluations = sets.map((s) => evaluateEstimator(scenario, { ...s, serviceTimeAlpha, replicationsPerSeed, boundReplays, estimator: { atIssue: true } }));
      output = { scenario: scenario.name, heldOutSeeds: HELD_OUT_SEEDS, sets: evaluations };
      text = estimatorReport(evaluations);
    }
  } else {
    // With a staffing section the planner's assignment is simulated beside the scenario's windows.
    const result = scenario.staffing ? beforeAndAfter(scenario, planProgress()) : simulateWithVariants(scenario);
    const sets = sideBySide(result);
    output = result;
    text = simulationReport(scenario, sets, 'plan' in result ? result.plan : null);
    if (values.chart) {
      const series = sets.map((s) => ({ label: s.label ?? 'main', result: s }));
      const file = resolve(cwd, values.chart);
      writeFileSync(file, waitChartSvg(`${scenario.name}: mean wait by hour of arrival`, series, scenario.waitTargetMinutes));
      log(`chart written to ${file}`);
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(output)}\n`);
  else process.stdout.write(text);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`simulate: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
