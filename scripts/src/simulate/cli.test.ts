// The command-line contract: `--json` prints exactly one JSON object, a relative scenario path
// resolves against the directory the command was run from, and the exit code is 0.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/simulate/cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  // The CLI runs from dist: build this workspace and the packages it imports when a source is
  // newer than its output (after the repository's build, nothing is).
  for (const [dir, output] of [
    ['../packages/shared', 'dist/index.js'],
    ['../packages/simulation', 'dist/index.js'],
    ['.', 'dist/simulate/cli.js'],
  ] as const) {
    const pkg = join(root, dir);
    const built = join(pkg, output);
    if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(pkg, 'src'))) continue;
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: pkg });
    // tsc may leave an unchanged output alone: mark the build as fresh so the next check passes.
    const now = new Date();
    utimesSync(built, now, now);
  }
}, 120_000);

const scenario = {
  name: 'cli-small',
  seed: 3,
  replications: 2,
  hours: 4,
  warmupHours: 1,
  waitTargetMinutes: 10,
  services: [
    { id: 'A', arrivalsPerHour: 10, serviceMinutes: { distribution: 'exponential', mean: 10 } },
    { id: 'B', arrivalsPerHour: { '0': 4, '1': 4, '2': 2, '3': 2, '4': 2 }, serviceMinutes: { distribution: 'empirical', values: [3, 5, 8] } },
  ],
  windows: [
    { id: 'w1', skills: [{ serviceId: 'A', tier: 1 }, { serviceId: 'B', tier: 2 }] },
    { id: 'w2', skills: [{ serviceId: 'B', tier: 1 }, { serviceId: 'A', tier: 2 }] },
  ],
};

describe('simulate CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-sim-'));
  writeFileSync(join(dir, 'small.json'), JSON.stringify(scenario));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir } });

  test('--json on a relative scenario path prints exactly one JSON object and exits 0', () => {
    const r = run('--scenario', 'small.json', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    for (const key of ['meanWaitSeconds', 'p90WaitSeconds', 'withinTargetShare', 'services', 'windows']) expect(out).toHaveProperty(key);
    const services = out.services as Array<Record<string, unknown>>;
    expect(services.map((s) => s.id)).toEqual(['A', 'B']);
    for (const s of services) expect(typeof s.served).toBe('number');
    for (const w of out.windows as Array<{ utilisation: number }>) expect(w.utilisation).toBeGreaterThanOrEqual(0);
  });

  test('the same scenario and seed print identical output', () => {
    expect(run('--scenario', 'small.json', '--json').stdout).toBe(run('--scenario', 'small.json', '--json').stdout);
  });

  test('the built-in seed-hall scenario prints before and the planner\'s after side by side; --chart writes an SVG', () => {
    const r = run('--scenario', 'seed-hall', '--replications', '2', '--chart', 'waits.svg');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('before: dedicated windows');
    expect(r.stdout).toContain("after: planner's");
    expect(existsSync(join(dir, 'waits.svg'))).toBe(true);
    expect(readFileSync(join(dir, 'waits.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
  });

  test('--evaluate-estimator and --plan print JSON too', () => {
    const est = JSON.parse(run('--scenario', 'small.json', '--evaluate-estimator', '--json').stdout) as Record<string, unknown>;
    expect(est).toHaveProperty('heldOutSeeds');
    expect(est).toHaveProperty('sets.0.maeRatio');
    expect(est).toHaveProperty('sets.0.bound', null);
    const bound = JSON.parse(run('--scenario', 'small.json', '--evaluate-estimator', '--estimator-bound', '--bound-replays', '3', '--replications', '1', '--json').stdout) as { sets: Array<{ bound: { replays: number; maeRatio: number; expectedRatio: { best: number; estimator: number } } }> };
    expect(bound.sets[0]!.bound.replays).toBe(3);
    expect(bound.sets[0]!.bound.maeRatio).toBeGreaterThan(0);
    expect(bound.sets[0]!.bound.expectedRatio.best).toBeGreaterThan(0);
    const plan = JSON.parse(run('--scenario', 'small.json', '--plan', '--goal-share', '0.8', '--target-minutes', '10', '--json').stdout) as Record<string, unknown>;
    expect(plan).toHaveProperty('firstCut');
    expect(plan).toHaveProperty('plan.windows');
  });

  test('a bad scenario is a clear error with a non-zero exit code and nothing on stdout', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...scenario, windows: [{ id: 'w', skills: [{ serviceId: 'Z', tier: 1 }] }] }));
    const r = run('--scenario', 'bad.json', '--json');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown service Z');
  });

  test.each<[string, string, RegExp]>([
    ['bad JSON', '{"name": ', /bad-JSON\.json: .*JSON/],
    ['an empty file', '', /bad-an-empty-file\.json: .*JSON/],
    ['a missing field', JSON.stringify({ ...scenario, hours: undefined }), /hours: .*expected number/],
    ['a negative time', JSON.stringify({ ...scenario, warmupHours: -1 }), /warmupHours: Too small/],
    ['a wrong type', JSON.stringify({ ...scenario, seed: 'three' }), /seed: .*expected number/],
    ['an unknown service in a skill', JSON.stringify({ ...scenario, windows: [{ id: 'w', skills: [{ serviceId: 'A', tier: 1 }, { serviceId: 'Q', tier: 2 }] }] }), /windows\.0\.skills\.1\.serviceId: .*unknown service Q/],
    ['a rate in no accepted form', JSON.stringify({ ...scenario, services: [{ ...scenario.services[0], arrivalsPerHour: 'many' }] }), /services\.0\.arrivalsPerHour: .*accepted forms/],
    ['null', 'null', /\(scenario\): .*expected object/],
  ])('%s: the field named on stderr, exit 1, no stack trace, nothing on stdout', (label, text, message) => {
    const file = `bad-${label.replace(/\W+/g, '-')}.json`;
    writeFileSync(join(dir, file), text);
    for (const extra of [[], ['--plan'], ['--evaluate-estimator']]) {
      const r = spawnSync(process.execPath, [cli, '--scenario', file, '--json', ...extra], { cwd: dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir }, timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^simulate: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test.each([
    ['--replications', '1000000000', /--replications needs an integer from 1 to 1000/],
    ['--replications', '2.5', /--replications needs an integer/],
    ['--seed', 'abc', /--seed needs an integer/],
    ['--goal-share', '5', /--goal-share needs a number from 0 to 1/],
    ['--target-minutes', '0', /--target-minutes needs a number from 0.1/],
    ['--bound-replays', '0', /--bound-replays needs an integer from 1 to 1000/],
  ])('%s %s is refused with exit 1 before anything runs', (option, value, message) => {
    const r = run('--scenario', 'small.json', '--plan', '--json', option, value);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test.each([
    [['--goal-share', '0.8'], /--goal-share goes with --plan/],
    [['--target-minutes', '10'], /--target-minutes goes with --plan/],
    [['--estimator-bound'], /--estimator-bound goes with --evaluate-estimator/],
    [['--evaluate-estimator', '--bound-replays', '3'], /--bound-replays goes with --estimator-bound/],
    [['--service-time-alpha', '0.1'], /--service-time-alpha goes with --evaluate-estimator/],
    [['--plan', '--evaluate-estimator'], /--plan and --evaluate-estimator: one at a time/],
  ])('%j without its mode is refused instead of ignored', (args, message) => {
    const r = run('--scenario', 'small.json', '--json', ...args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('odd but legal: no arrivals, a window with no skills, every window closed all day', () => {
    const odd = {
      ...scenario,
      staffing: { maxServicesPerPerson: 2 },
      services: [{ ...scenario.services[0], arrivalsPerHour: 0 }, { ...scenario.services[1], arrivalsPerHour: 3 }],
      windows: [
        { id: 'w1', skills: [], breaks: [] },
        { id: 'w2', skills: [{ serviceId: 'B', tier: 1 }], open: [{ from: 20, to: 21 }] },
      ],
    };
    writeFileSync(join(dir, 'odd.json'), JSON.stringify(odd));
    const r = run('--scenario', 'odd.json', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { before: { arrivals: number; served: number; noShows: number; unserved: number } };
    expect(out.before.served).toBe(0);
    expect(out.before.served + out.before.noShows + out.before.unserved).toBeCloseTo(out.before.arrivals, 1);
    expect(run('--scenario', 'odd.json', '--plan').status).toBe(0);
  });
});
