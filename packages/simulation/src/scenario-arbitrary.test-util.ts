// Random valid scenarios for property tests (fast-check): small and odd (one window, one
// service, no arrivals, windows with no skills, helpers before officers-only stages, very long
// service times, a day with every window closed, appointments, remote visitors, breaks).
import fc from 'fast-check';
import type { ScenarioInput } from './scenario';

type ServiceInput = ScenarioInput['services'][number];
type WindowInput = ScenarioInput['windows'][number];

const minutes = fc.oneof(
  fc.double({ min: 0.05, max: 30, noNaN: true }),
  fc.constantFrom(0.01, 1, 240, 6000), // a very long service: 100 hours
);
const distribution: fc.Arbitrary<ServiceInput['serviceMinutes']> = fc.oneof(
  minutes.map((mean) => ({ distribution: 'exponential' as const, mean })),
  fc.record({ mean: minutes, cv: fc.double({ min: 0.01, max: 5, noNaN: true }) }).map((d) => ({ distribution: 'lognormal' as const, ...d })),
  fc.record({ mean: minutes, sd: fc.double({ min: 0.01, max: 50, noNaN: true }) }).map((d) => ({ distribution: 'lognormal' as const, ...d })),
  minutes.map((mean) => ({ distribution: 'constant' as const, mean })),
  fc.array(minutes, { minLength: 1, maxLength: 4 }).map((values) => ({ distribution: 'empirical' as const, values })),
);
const rate: fc.Arbitrary<ServiceInput['arrivalsPerHour']> = fc.oneof(
  fc.constantFrom(0, 0.5, 3, 12),
  fc.double({ min: 0, max: 20, noNaN: true }),
  fc.array(fc.constantFrom(0, 0, 2, 8, 25), { minLength: 24, maxLength: 24 }),
  fc.dictionary(fc.integer({ min: 0, max: 23 }).map(String), fc.double({ min: 0, max: 20, noNaN: true }), { maxKeys: 5 }),
);
const share = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
const interval = fc
  .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => ({ from: a / 2, to: b / 2 }));

const service = (id: string): fc.Arbitrary<ServiceInput> =>
  fc.record(
    {
      id: fc.constant(id),
      arrivalsPerHour: rate,
      serviceMinutes: distribution,
      waitTargetMinutes: fc.option(fc.constantFrom(0.5, 5, 40, 600), { nil: undefined }),
      noShowShare: share,
      noShowMinutes: fc.constantFrom(0, 1, 30),
      priorityShare: share,
      appointmentShare: share,
      appointmentLeadMinutes: fc.constantFrom(0, 5, 120),
      remoteShare: share,
      remoteShowShare: share,
      remoteArriveMinutes: fc.constantFrom(0, 20, 300),
      officersOnly: fc.boolean(),
      stages: fc.option(fc.array(fc.record({ officersOnly: fc.boolean(), serviceMinutes: fc.option(distribution, { nil: undefined }) }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    },
    { requiredKeys: ['id', 'arrivalsPerHour', 'serviceMinutes'] },
  );

const windowOf = (id: string, serviceIds: string[]): fc.Arbitrary<WindowInput> =>
  fc.record(
    {
      id: fc.constant(id),
      skills: fc.subarray(serviceIds).chain((ids) => fc.tuple(...ids.map((serviceId) => fc.integer({ min: 1, max: 3 }).map((tier) => ({ serviceId, tier }))))),
      staffType: fc.constantFrom('officer' as const, 'helper' as const),
      open: fc.option(fc.array(interval, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      breaks: fc.option(fc.array(interval, { minLength: 0, maxLength: 2 }), { nil: undefined }),
    },
    { requiredKeys: ['id', 'skills'] },
  );

export const arbitraryScenario: fc.Arbitrary<ScenarioInput> = fc
  .record({ services: fc.integer({ min: 1, max: 3 }), windows: fc.integer({ min: 1, max: 3 }), variant: fc.boolean() })
  .chain(({ services: ns, windows: nw, variant }) => {
    const ids = Array.from({ length: ns }, (_, i) => `s${i}`);
    const windows = fc.tuple(...Array.from({ length: nw }, (_, i) => windowOf(`w${i}`, ids)));
    return fc.record({
      name: fc.constant('fuzz'),
      seed: fc.integer({ min: -1000, max: 1_000_000 }),
      replications: fc.integer({ min: 1, max: 3 }),
      hours: fc.constantFrom(0.25, 1, 3, 9),
      warmupHours: fc.constantFrom(0, 0.5, 2),
      startHour: fc.constantFrom(0, 7.5, 9, 22, 24),
      drain: fc.boolean(),
      waitTargetMinutes: fc.constantFrom(0.5, 10, 40),
      remoteGraceMinutes: fc.constantFrom(0, 10, 600),
      routing: fc.option(fc.record({ starvationEnabled: fc.boolean(), starvationFactor: fc.constantFrom(0.5, 1, 3), appointmentEarlySeconds: fc.constantFrom(0, 600) }), { nil: undefined }),
      staffing: fc.option(fc.record({ maxServicesPerPerson: fc.integer({ min: 1, max: 4 }), goalShare: share }), { nil: undefined }),
      services: fc.tuple(...ids.map(service)),
      windows,
      variants: variant ? windows.map((ws) => [{ id: 'before', windows: ws }]) : fc.constant(undefined),
    });
  });

