// The import graph of the repository's TypeScript sources (relative imports, types included),
// and its cycles: a folder whose files import each other in a circle cannot be read one file at
// a time, nor split.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { listRepoFiles } from './repo-files';

const IMPORT = /^(?:import|export)\b[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/gms;

export function importGraph(root: string): Map<string, string[]> {
  const sources = listRepoFiles(root).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
  const known = new Set(sources);
  const resolveImport = (from: string, spec: string): string | null => {
    const base = normalize(join(dirname(from), spec)).split('\\').join('/');
    return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((c) => known.has(c)) ?? null;
  };
  const graph = new Map<string, string[]>();
  for (const file of sources) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => resolveImport(file, m[1] ?? '')).filter((t): t is string => t !== null);
    graph.set(file, targets);
  }
  return graph;
}

/** Groups of files that import each other in a circle (strongly connected components > 1). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
