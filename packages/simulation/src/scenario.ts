// The scenario file: what the hall looks like (services, windows, schedules) and how to run the
// experiment (seed, replications, hours). Parsed once here with zod; inside, the types are trusted.
import { z } from 'zod';

const positive = z.number().positive();
/** Longest service time, in minutes (a week): longer is a mistake in the file, not a hall. */
const MAX_MINUTES = 7 * 24 * 60;
const minutes = positive.max(MAX_MINUTES);
/** Most arrivals per hour of one service (as the hall server's planner accepts). */
const MAX_PER_HOUR = 10_000;
/** Longest run: a year of hours. */
const MAX_HOURS = 366 * 24;
/** Most arrivals one replication may expect: each is held until the end (about 350 bytes), so a
 * year at the highest rate (88 million) ran out of memory. */
const MAX_ARRIVALS = 5_000_000;
const share = z.number().min(0).max(1);

/** Service time in minutes. */
export const distributionSchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('exponential'), mean: minutes }),
  z.strictObject({
    distribution: z.literal('lognormal'),
    mean: minutes,
    /** Standard deviation in minutes; or give `cv` (sd / mean). Default cv 1. */
    sd: positive.optional(),
    cv: positive.optional(),
  }).refine((d) => d.sd === undefined || d.cv === undefined, { message: 'give sd or cv, not both', path: ['cv'] }),
  z.strictObject({ distribution: z.literal('constant'), mean: minutes }),
  z.strictObject({
    distribution: z.literal('empirical'),
    /** Observed service times in minutes, drawn uniformly with replacement. */
    values: z.array(minutes).min(1),
    mean: minutes.optional(),
  }),
]);
export type ServiceTimeDistribution = z.infer<typeof distributionSchema>;

/** Arrivals per hour: one constant rate, 24 rates (index = hour of day), or {"9": 12, ...}. */
const perHour = z.number().min(0).max(MAX_PER_HOUR);
const rateSchema = z.union([
  perHour,
  z.array(perHour).length(24),
  // Keys are hours of day; "09" is hour 9.
  z
    .record(z.string().regex(/^([01]?\d|2[0-3])$/, 'an hour of day 0..23'), perHour)
    .superRefine((r, ctx) => {
      const seen = new Set<number>();
      for (const k of Object.keys(r)) {
        if (seen.has(Number(k))) ctx.addIssue({ code: 'custom', path: [k], message: `hour ${Number(k)} given twice` });
        seen.add(Number(k));
      }
    })
    .transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [String(Number(k)), v]))),
]);
export type ArrivalRate = z.infer<typeof rateSchema>;

const intervalSchema = z
  .strictObject({ from: z.number().min(0).max(24), to: z.number().min(0).max(24) })
  .refine((i) => i.from < i.to, 'an interval needs from < to (hours of day)');

const serviceSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  arrivalsPerHour: rateSchema,
  serviceMinutes: distributionSchema,
  /** Overrides the scenario's waitTargetMinutes for this service. */
  waitTargetMinutes: positive.optional(),
  /** Share of called tickets whose visitor has gone; the window loses noShowMinutes. */
  noShowShare: share.default(0),
  noShowMinutes: z.number().min(0).max(MAX_MINUTES).default(1),
  /** Share of visitors with priority (绿色通道). */
  priorityShare: share.default(0),
  /** Share of visitors with an appointment; they arrive appointmentLeadMinutes before its time. */
  appointmentShare: share.default(0),
  appointmentLeadMinutes: z.number().min(0).max(MAX_MINUTES).default(5),
  /** Share of visitors who take their place from home (the remote queue). */
  remoteShare: share.default(0),
  /** Share of those who come at all; the others' tickets are passed over and expire. */
  remoteShowShare: share.default(0.8),
  /** Mean minutes (exponential) between taking the place and walking into the hall: how late they come. */
  remoteArriveMinutes: z.number().min(0).max(MAX_MINUTES).default(20),
  /** The first stage is on the negative list: only officers may serve it (helpers' windows never take it). */
  officersOnly: z.boolean().default(false),
  /** Stages after the first (e.g. pre-review by helpers, then acceptance by officers). */
  stages: z
    .array(z.strictObject({ officersOnly: z.boolean().default(false), serviceMinutes: distributionSchema.optional() }))
    .min(1)
    .optional(),
});

const windowSchema = z.strictObject({
  id: z.string().min(1),
  /** Services and tiers; none = a window that takes nobody (as a hall's window without skills). */
  skills: z.array(z.strictObject({ serviceId: z.string(), tier: z.number().int().min(1) })),
  staffType: z.enum(['officer', 'helper']).default('officer'),
  /** Hours of day the window is open; omitted = always open. */
  open: z.array(intervalSchema).min(1).optional(),
  /** Hours of day the window is closed although inside `open` (lunch, breaks). */
  breaks: z.array(intervalSchema).optional(),
});

const variantSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().optional(),
  notes: z.array(z.string()).optional(),
  windows: z.array(windowSchema).min(1),
});

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    assumptions: z.array(z.string()).optional(),
    /** Label of the main window set (the variants are compared with it). */
    label: z.string().optional(),
    seed: z.number().int(),
    replications: z.number().int().min(1).max(1000),
    hours: positive.max(MAX_HOURS),
    warmupHours: z.number().min(0).max(MAX_HOURS),
    /** Hour of day at the start of the warm-up (for hourly rates and schedules). Default 0. */
    startHour: z.number().min(0).max(24).default(0),
    /** Keep serving after the last arrival until everyone who got a ticket was called. */
    drain: z.boolean().default(false),
    waitTargetMinutes: positive,
    /** A passed-over remote ticket is kept this long for its holder, then expires (the hall's remoteGraceMinutes). */
    remoteGraceMinutes: z.number().min(0).max(MAX_MINUTES).default(10),
    routing: z
      .strictObject({
        starvationEnabled: z.boolean().optional(),
        starvationFactor: positive.optional(),
        appointmentEarlySeconds: z.number().min(0).optional(),
      })
      .optional(),
    services: z.array(serviceSchema).min(1),
    /** The staffing planner's goal and limits; with it, simulate reports before (windows) and the planner's after. */
    staffing: z
      .strictObject({
        /** How many services one person can be trained for (skills per window). */
        maxServicesPerPerson: z.number().int().min(1),
        /** Share of visitors to call within waitTargetMinutes; every service's mean wait must be within it too. */
        goalShare: share.default(0.9),
      })
      .optional(),
    windows: z.array(windowSchema).min(1),
    variants: z.array(variantSchema).optional(),
  })
  .superRefine((s, ctx) => {
    const expected = expectedArrivals(s);
    if (expected > MAX_ARRIVALS) {
      ctx.addIssue({
        code: 'custom',
        path: ['services'],
        message: `about ${Math.round(expected).toLocaleString('en')} arrivals expected in one replication; at most ${MAX_ARRIVALS.toLocaleString('en')} fit in memory (fewer hours or lower arrivalsPerHour)`,
      });
    }
    const ids = new Set<string>();
    s.services.forEach((svc, i) => {
      if (ids.has(svc.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate service id ${svc.id}` });
      ids.add(svc.id);
    });
    const windowSets = [{ path: ['windows'], windows: s.windows }, ...(s.variants ?? []).map((v, i) => ({ path: ['variants', i, 'windows'], windows: v.windows }))];
    for (const { path, windows } of windowSets) {
      const wids = new Set<string>();
      windows.forEach((w, i) => {
        if (wids.has(w.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate window id ${w.id}` });
        wids.add(w.id);
        const skilled = new Set<string>();
        w.skills.forEach((k, j) => {
          if (!ids.has(k.serviceId)) ctx.addIssue({ code: 'custom', path: [...path, i, 'skills', j, 'serviceId'], message: `window ${w.id}: unknown service ${k.serviceId}` });
          // One tier per service and window: two would leave the routing to pick one.
          if (skilled.has(k.serviceId)) ctx.addIssue({ code: 'custom', path: [...path, i, 'skills', j, 'serviceId'], message: `window ${w.id}: service ${k.serviceId} listed twice` });
          skilled.add(k.serviceId);
        });
      });
    }
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioService = Scenario['services'][number];
export type ScenarioWindow = Scenario['windows'][number];

type Issue = z.core.$ZodIssue;

/** A union's issues as those of the form the value was meant to be (the branch not failing on its type). */
function flatten(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const meant = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (meant.length !== 1) return [{ ...issue, message: 'Invalid input: none of the accepted forms (for a rate: a number, 24 numbers, or {"hour": rate})' }];
  return meant[0]!.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

export function parseScenario(raw: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.flatMap(flatten).map((i) => `  ${i.path.map(String).join('.') || '(scenario)'}: ${i.message}`);
    throw new Error(`invalid scenario:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Arrivals a replication expects (warm-up and measured hours, every service), hour by hour. */
function expectedArrivals(s: { startHour: number; warmupHours: number; hours: number; services: ReadonlyArray<{ arrivalsPerHour: ArrivalRate }> }): number {
  const total = s.warmupHours + s.hours;
  let sum = 0;
  for (const svc of s.services) {
    const rate = svc.arrivalsPerHour;
    if (typeof rate === 'number') {
      sum += rate * total;
      continue;
    }
    for (let t = 0; t < total; t += 1) sum += rateAt(rate, s.startHour + t) * Math.min(1, total - t);
  }
  return sum;
}

/** The rate (per hour) at an hour of day. */
export function rateAt(rate: ArrivalRate, hourOfDay: number): number {
  const h = ((Math.floor(hourOfDay) % 24) + 24) % 24;
  if (typeof rate === 'number') return rate;
  if (Array.isArray(rate)) return rate[h] ?? 0;
  return rate[String(h)] ?? 0;
}

export function distributionMean(d: ServiceTimeDistribution): number {
  if (d.distribution === 'empirical') return d.mean ?? d.values.reduce((a, b) => a + b, 0) / d.values.length;
  return d.mean;
}
