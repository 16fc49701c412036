// Reads a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) and prints where the time went:
// self time by file and by function, and inclusive time by function (each counted once per
// sample, however deep the recursion).
//   node scripts/dist/bench/profile-summary.js <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
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
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
  process.stdout.write(`${summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25)).join('\n')}\n`);
}
