// Reads a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) and prints where the time went:
// self time by file and by function, and inclusive time by function (each counted once per
// sample, however deep the recursion).
//   node scripts/dist/bench/profile-summary.js <file.cpuprofile> [top] [--between=<fromUs>,<toUs>] [--out=<file>]
// With --between, only the samples taken in that stretch of the machine's monotonic clock (in
// microseconds, `process.hrtime` / 1000, the clock V8 stamps its samples with) are counted: the
// call-next bench prints the stretch of its measured phase, so its set-up is left out; --out
// writes the profile of that stretch alone.
import { readFileSync, writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime?: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * The samples taken between `fromUs` and `toUs` (monotonic clock, microseconds) only: still a
 * valid profile (it starts at `fromUs`), so it can be kept and opened on its own.
 */
export function between(profile: Profile, fromUs: number, toUs: number): Profile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = profile.startTime;
  let last = fromUs;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at > toUs) return;
    samples.push(id);
    timeDeltas.push(at - last);
    last = at;
  });
  return { ...profile, startTime: fromUs, endTime: toUs, samples, timeDeltas };
}

const short = (url: string): string =>
  url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'node_modules/').replace(/.*\/(apps|packages|scripts)\//, '$1/');
const fileOf = (n: ProfileNode): string => short(n.callFrame.url).replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, 'node_modules/$1') || n.callFrame.functionName;
const fnOf = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

export function summarise(profile: Profile, top = 25): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    time.set(id, (time.get(id) ?? 0) + dt);
    total += dt;
  });
  const selfFile = new Map<string, number>();
  const selfFn = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);
  for (const [id, t] of time) {
    const n = byId.get(id)!;
    add(selfFile, fileOf(n), t);
    add(selfFn, fnOf(n), t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = fnOf(byId.get(cur)!);
      if (!seen.has(k)) add(inclusive, k, t);
      seen.add(k);
    }
  }
  const lines = [`total ${(total / 1000).toFixed(0)} ms`];
  const print = (title: string, m: Map<string, number>): void => {
    lines.push('', title);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  print('self time by file', selfFile);
  print('self time by function', selfFn);
  print('inclusive time by function', inclusive);
  return lines;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const range = args.find((a) => a.startsWith('--between='))?.slice(10).split(',').map(Number);
  const [file, top] = args.filter((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top] [--between=<fromUs>,<toUs>]');
  let profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  if (range) {
    if (range.length !== 2 || range.some((n) => !Number.isFinite(n))) throw new Error('--between takes two numbers: <fromUs>,<toUs>');
    profile = between(profile, range[0]!, range[1]!);
  }
  // --out=<file>: keeps the profile of that stretch alone (e.g. the measured phase, for docs/profiles/).
  const out = args.find((a) => a.startsWith('--out='))?.slice(6);
  if (out) writeFileSync(out, JSON.stringify(profile));
  process.stdout.write(`${summarise(profile, Number(top ?? 25)).join('\n')}\n`);
}
