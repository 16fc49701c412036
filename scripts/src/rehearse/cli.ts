// npm run rehearse -- --scenario seed-hall [--speed 60] [--hours 8] [--windows before|after] [--out dir] [--json]
// The real hall server through the scenario's day at `speed` times real time, driven by real
// clients; writes rehearsal.json and rehearsal.html and prints the summary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { planScenario } from '@hallq/simulation';
import { loadScenario } from '../simulate/load-scenario';
import { rehearse } from './drive';
import { reportHtml, summarise } from './summary';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      speed: { type: 'string', default: '60' },
      hours: { type: 'string' },
      windows: { type: 'string', default: 'before' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.scenario) throw new Error('--scenario is required');
  const scenario = loadScenario(values.scenario);
  const speed = Number(values.speed);
  const hours = values.hours ? Number(values.hours) : scenario.hours;
  if (!(speed >= 1 && speed <= 1000)) throw new Error('--speed needs a number 1..1000');
  if (!(hours > 0 && hours <= scenario.hours)) throw new Error(`--hours needs a number in (0, ${scenario.hours}]`);
  const windows = values.windows === 'after' ? planScenario(scenario).plan.windows : scenario.windows;
  process.stderr.write(`rehearsing ${scenario.name} (${values.windows} windows), ${hours} h at ${speed}x: about ${Math.ceil((hours * 60) / speed)} min\n`);
  const record = await rehearse({ scenario, windows, speed, hours });
  const summary = summarise(scenario, windows, speed, hours, record);
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? `rehearsal-${scenario.name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'rehearsal.json'), `${JSON.stringify({ summary, record }, null, 1)}\n`);
  writeFileSync(join(dir, 'rehearsal.html'), reportHtml(summary));
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${JSON.stringify(summary, null, 2)}\nreport: ${join(dir, 'rehearsal.html')}\n`);
  return summary.agrees ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`rehearse: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
