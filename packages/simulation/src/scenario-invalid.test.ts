// Bad scenarios get one clear error naming each wrong field (never a crash deeper in), and odd
// but legal details read as written.
import { parseScenario, rateAt, type ScenarioInput } from './scenario';
import { simulate } from './results';

const good: ScenarioInput = {
  name: 'bad-input',
  seed: 1,
  replications: 1,
  hours: 2,
  warmupHours: 0,
  startHour: 9,
  waitTargetMinutes: 20,
  services: [{ id: 'A', arrivalsPerHour: 6, serviceMinutes: { distribution: 'exponential', mean: 5 } }],
  windows: [{ id: 'w1', skills: [{ serviceId: 'A', tier: 1 }] }],
};

const errorOf = (raw: unknown): string => {
  try {
    parseScenario(raw);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an invalid scenario');
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits that break the types on purpose
type Loose = Record<string, any>;
const edit = (f: (s: Loose) => void): unknown => {
  const s = JSON.parse(JSON.stringify(good)) as Loose;
  f(s);
  return s;
};

describe('invalid scenarios', () => {
  test.each<[string, unknown, RegExp]>([
    ['not an object', null, /\(scenario\): .*expected object/],
    ['an array', [], /\(scenario\): .*expected object/],
    ['a missing field', edit((s) => delete s.hours), /hours: .*expected number/],
    ['missing services', edit((s) => delete s.services), /services: /],
    ['a negative time', edit((s) => (s.warmupHours = -1)), /warmupHours: Too small/],
    ['a negative service time', edit((s) => (s.services[0].serviceMinutes.mean = -5)), /services\.0\.serviceMinutes\.mean: /],
    ['a wrong type', edit((s) => (s.waitTargetMinutes = '40')), /waitTargetMinutes: .*expected number/],
    ['an unknown distribution', edit((s) => (s.services[0].serviceMinutes = { distribution: 'normal', mean: 5 })), /services\.0\.serviceMinutes\.distribution: /],
    ['an unknown service in a skill', edit((s) => s.windows[0].skills.push({ serviceId: 'Z', tier: 1 })), /windows\.0\.skills\.1\.serviceId: window w1: unknown service Z/],
    ['an unknown service in a variant', edit((s) => (s.variants = [{ id: 'v', windows: [{ id: 'x', skills: [{ serviceId: 'Q', tier: 1 }] }] }])), /variants\.0\.windows\.0\.skills\.0\.serviceId: .*unknown service Q/],
    ['a duplicate service', edit((s) => s.services.push({ ...s.services[0] })), /services\.1\.id: duplicate service id A/],
    ['a tier 0', edit((s) => (s.windows[0].skills[0].tier = 0)), /windows\.0\.skills\.0\.tier: /],
    ['a break that ends before it starts', edit((s) => (s.windows[0].breaks = [{ from: 12, to: 11 }])), /windows\.0\.breaks\.0: an interval needs from < to/],
    ['an hour of day 24 in a rate', edit((s) => (s.services[0].arrivalsPerHour = { '24': 3 })), /services\.0\.arrivalsPerHour/],
    ['the same hour twice in a rate', edit((s) => (s.services[0].arrivalsPerHour = { '9': 3, '09': 4 })), /hour 9 given twice/],
    ['a rate of 23 hours', edit((s) => (s.services[0].arrivalsPerHour = new Array(23).fill(1))), /services\.0\.arrivalsPerHour/],
    ['a year and more of hours', edit((s) => (s.hours = 1e9)), /hours: Too big/],
    ['a service time of years', edit((s) => (s.services[0].serviceMinutes.mean = 1e12)), /services\.0\.serviceMinutes\.mean: Too big/],
    ['a share above 1', edit((s) => (s.services[0].noShowShare = 1.5)), /services\.0\.noShowShare: Too big/],
    ['an unknown staff type', edit((s) => (s.windows[0].staffType = 'robot')), /windows\.0\.staffType: /],
    // A misspelt optional field was ignored and the run went on without it (no no-shows, no breaks).
    ['a misspelt field', edit((s) => (s.replication = 3)), /\(scenario\): Unrecognized key: "replication"/],
    ['a misspelt service field', edit((s) => (s.services[0].noShowShares = 0.2)), /services\.0: Unrecognized key: "noShowShares"/],
    ['a misspelt window field', edit((s) => (s.windows[0].break = [{ from: 12, to: 13 }])), /windows\.0: Unrecognized key: "break"/],
    ['a misspelt service-time field', edit((s) => (s.services[0].serviceMinutes.sd = 2)), /services\.0\.serviceMinutes: Unrecognized key: "sd"/],
    ['an unknown routing field', edit((s) => (s.routing = { starvation: false })), /routing: Unrecognized key: "starvation"/],
    ['both sd and cv', edit((s) => (s.services[0].serviceMinutes = { distribution: 'lognormal', mean: 5, sd: 2, cv: 1 })), /services\.0\.serviceMinutes\.cv: give sd or cv, not both/],
    // Each arrival is held until the end: a year at the highest rate ran out of memory.
    ['more arrivals than fit in memory', edit((s) => { s.hours = 8784; s.services[0].arrivalsPerHour = 10_000; }), /services: about 87,840,000 arrivals expected in one replication; at most 5,000,000 fit in memory/],
    ['more arrivals than fit in memory, hour by hour', edit((s) => { s.hours = 8784; s.services[0].arrivalsPerHour = { '9': 10_000, '10': 10_000 }; }), /services: about 7,320,000 arrivals expected/],
    ['one service twice in a window', edit((s) => s.windows[0].skills.push({ serviceId: 'A', tier: 2 })), /windows\.0\.skills\.1\.serviceId: window w1: service A listed twice/],
  ])('%s', (_label, raw, message) => {
    expect(errorOf(raw)).toMatch(/^invalid scenario:\n/);
    expect(errorOf(raw)).toMatch(message);
  });
});

describe('odd but legal scenarios', () => {
  test('an hour written with a leading zero ("09") is hour 9', () => {
    const s = parseScenario(edit((x) => (x.services[0].arrivalsPerHour = { '09': 30, '10': 0 })));
    expect(rateAt(s.services[0]!.arrivalsPerHour, 9)).toBe(30);
    expect(simulate(s).arrivals).toBeGreaterThan(0);
  });

  test("a window with 'breaks: []' and one with no skills", () => {
    const s = parseScenario(edit((x) => x.windows.push({ id: 'w2', skills: [], breaks: [] })));
    const r = simulate(s);
    expect(r.windows.find((w) => w.id === 'w2')!.served).toBe(0);
    expect(r.served + r.noShows + r.unserved).toBeCloseTo(r.arrivals, 5);
  });
});
