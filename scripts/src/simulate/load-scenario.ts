// Finds a scenario: a JSON file (a relative path resolves against the directory the command was
// run from, which npm passes as INIT_CWD) or the name of a built-in file in scripts/scenarios/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scenario } from '@hallq/simulation';
import { parseScenario } from '@hallq/simulation';

export const BUILT_IN_DIR = resolve(__dirname, '../../scenarios');

export function builtInScenarios(): string[] {
  if (!existsSync(BUILT_IN_DIR)) return [];
  return readdirSync(BUILT_IN_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function loadScenario(ref: string, cwd: string = process.env.INIT_CWD ?? process.cwd()): Scenario {
  const asFile = resolve(cwd, ref);
  let path: string;
  if (existsSync(asFile) && ref.endsWith('.json')) path = asFile;
  else if (/^[\w-]+$/.test(ref) && existsSync(join(BUILT_IN_DIR, `${ref}.json`))) path = join(BUILT_IN_DIR, `${ref}.json`);
  else if (existsSync(asFile)) path = asFile;
  else throw new Error(`no scenario file ${asFile} and no built-in scenario "${ref}" (built-in: ${builtInScenarios().join(', ')})`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  return parseScenario(raw);
}
