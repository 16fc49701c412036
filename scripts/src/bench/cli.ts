// npm run bench [-- --quick] [-- --only issue,fanout,routing,callnext,memory,city] [-- --halls=2000]
// Prints a table of figures, each beside its baseline from the same run, and writes JSON to
// bench-results/ at the repository root. It never fails on a missed goal: it reports it.
import os from 'node:os';
import path from 'node:path';
import { benchTicketIssue } from './suite-issue';
import { benchFanout } from './suite-fanout';
import { benchCallNext } from './suite-callnext';
import { benchEngine } from './suite-routing';
import { benchMemory } from './suite-memory';
import { benchCity } from './suite-city';
import { printTable, writeJson, type Row } from './report';
import { REPO_ROOT } from './processes';

const SUITES: Record<string, (quick: boolean) => Promise<Row[]> | Row[]> = {
  routing: benchEngine,
  issue: benchTicketIssue,
  callnext: benchCallNext,
  fanout: benchFanout,
  memory: benchMemory,
  city: benchCity,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only='))?.slice(7) ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
  const names = onlyArg ? onlyArg.split(',') : Object.keys(SUITES);
  const rows: Row[] = [];
  const started = Date.now();
  for (const name of names) {
    const suite = SUITES[name];
    if (!suite) throw new Error(`unknown suite ${name}; choose from ${Object.keys(SUITES).join(', ')}`);
    process.stderr.write(`bench: ${name}${quick ? ' (quick)' : ''}...\n`);
    rows.push(...(await suite(quick)));
  }
  printTable(rows);
  const meta = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const file = writeJson(rows, meta, path.join(REPO_ROOT, 'bench-results'));
  process.stdout.write(`\nwritten ${path.relative(process.cwd(), file)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
