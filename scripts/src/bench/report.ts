// One row per figure: the measured value, its baseline from the same run, their ratio and the
// goal, printed as a table and written as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Row {
  suite: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline (for throughput) or baseline-relative factor as stated in `ratioNote`. */
  ratio?: number;
  goal?: string;
  met?: boolean;
}

const fmt = (n: number | undefined): string =>
  n === undefined || Number.isNaN(n) ? '-' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

export function printTable(rows: Row[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const header = ['suite', 'figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const cells = rows.map((r) => [
    r.suite,
    r.figure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.name} ${fmt(r.baseline.value)}` : '-',
    r.ratio === undefined ? '-' : `${fmt(r.ratio)}x`,
    r.goal ?? '-',
    r.met === undefined ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) out(line(c));
}

export function writeJson(rows: Row[], meta: Record<string, unknown>, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ...meta, rows }, null, 2));
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify({ ...meta, rows }, null, 2));
  return file;
}
