// The scenario file: what the hall looks like (services, windows, schedules) and how to run the
// experiment (seed, replications, hours). Parsed once here with zod; inside, the types are trusted.
import { z } from 'zod';

const positive = z.number().positive();
const share = z.number().min(0).max(1);

/** Service time in minutes. */
export const distributionSchema = z.discriminatedUnion('distribution', [
  z.object({ distribution: z.literal('exponential'), mean: positive }),
  z.object({
    distribution: z.literal('lognormal'),
    mean: positive,
    /** Standard deviation in minutes; or give `cv` (sd / mean). Default cv 1. */
    sd: positive.optional(),
    cv: positive.optional(),
  }),
  z.object({ distribution: z.literal('constant'), mean: positive }),
  z.object({
    distribution: z.literal('empirical'),
    /** Observed service times in minutes, drawn uniformly with replacement. */
    values: z.array(positive).min(1),
    mean: positive.optional(),
  }),
]);
export type ServiceTimeDistribution = z.infer<typeof distributionSchema>;

/** Arrivals per hour: one constant rate, 24 rates (index = hour of day), or {"9": 12, ...}. */
const rateSchema = z.union([
  z.number().min(0),
  z.array(z.number().min(0)).length(24),
  z.record(z.string().regex(/^([01]?\d|2[0-3])$/), z.number().min(0)),
]);
export type ArrivalRate = z.infer<typeof rateSchema>;

const intervalSchema = z
  .object({ from: z.number().min(0).max(24), to: z.number().min(0).max(24) })
  .refine((i) => i.from < i.to, 'an interval needs from < to (hours of day)');

const serviceSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  arrivalsPerHour: rateSchema,
  serviceMinutes: distributionSchema,
  /** Overrides the scenario's waitTargetMinutes for this service. */
  waitTargetMinutes: positive.optional(),
  /** Share of called tickets whose visitor has gone; the window loses noShowMinutes. */
  noShowShare: share.default(0),
  noShowMinutes: z.number().min(0).default(1),
  /** Share of visitors with priority (绿色通道). */
  priorityShare: share.default(0),
  /** Share of visitors with an appointment; they arrive appointmentLeadMinutes before its time. */
  appointmentShare: share.default(0),
  appointmentLeadMinutes: z.number().min(0).default(5),
  /** Share of visitors who take their place from home (the remote queue). */
  remoteShare: share.default(0),
  /** Share of those who come at all; the others' tickets are passed over and expire. */
  remoteShowShare: share.default(0.8),
  /** Mean minutes (exponential) between taking the place and walking into the hall: how late they come. */
  remoteArriveMinutes: z.number().min(0).default(20),
  /** The first stage is on the negative list: only officers may serve it (helpers' windows never take it). */
  officersOnly: z.boolean().default(false),
  /** Stages after the first (e.g. pre-review by helpers, then acceptance by officers). */
  stages: z
    .array(z.object({ officersOnly: z.boolean().default(false), serviceMinutes: distributionSchema.optional() }))
    .min(1)
    .optional(),
});

const windowSchema = z.object({
  id: z.string().min(1),
  /** Services and tiers; none = a window that takes nobody (as a hall's window without skills). */
  skills: z.array(z.object({ serviceId: z.string(), tier: z.number().int().min(1) })),
  staffType: z.enum(['officer', 'helper']).default('officer'),
  /** Hours of day the window is open; omitted = always open. */
  open: z.array(intervalSchema).min(1).optional(),
  /** Hours of day the window is closed although inside `open` (lunch, breaks). */
  breaks: z.array(intervalSchema).optional(),
});

const variantSchema = z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  notes: z.array(z.string()).optional(),
  windows: z.array(windowSchema).min(1),
});

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    assumptions: z.array(z.string()).optional(),
    /** Label of the main window set (the variants are compared with it). */
    label: z.string().optional(),
    seed: z.number().int(),
    replications: z.number().int().min(1).max(1000),
    hours: positive,
    warmupHours: z.number().min(0),
    /** Hour of day at the start of the warm-up (for hourly rates and schedules). Default 0. */
    startHour: z.number().min(0).max(24).default(0),
    /** Keep serving after the last arrival until everyone who got a ticket was called. */
    drain: z.boolean().default(false),
    waitTargetMinutes: positive,
    /** A passed-over remote ticket is kept this long for its holder, then expires (the hall's remoteGraceMinutes). */
    remoteGraceMinutes: z.number().min(0).default(10),
    routing: z
      .object({
        starvationEnabled: z.boolean().optional(),
        starvationFactor: positive.optional(),
        appointmentEarlySeconds: z.number().min(0).optional(),
      })
      .optional(),
    services: z.array(serviceSchema).min(1),
    /** The staffing planner's goal and limits; with it, simulate reports before (windows) and the planner's after. */
    staffing: z
      .object({
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
    const ids = new Set<string>();
    for (const svc of s.services) {
      if (ids.has(svc.id)) ctx.addIssue({ code: 'custom', message: `duplicate service id ${svc.id}` });
      ids.add(svc.id);
    }
    const windowSets = [s.windows, ...(s.variants ?? []).map((v) => v.windows)];
    for (const windows of windowSets) {
      const wids = new Set<string>();
      for (const w of windows) {
        if (wids.has(w.id)) ctx.addIssue({ code: 'custom', message: `duplicate window id ${w.id}` });
        wids.add(w.id);
        for (const k of w.skills)
          if (!ids.has(k.serviceId)) ctx.addIssue({ code: 'custom', message: `window ${w.id}: unknown service ${k.serviceId}` });
      }
    }
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioService = Scenario['services'][number];
export type ScenarioWindow = Scenario['windows'][number];

export function parseScenario(raw: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(scenario)'}: ${i.message}`);
    throw new Error(`invalid scenario:\n${lines.join('\n')}`);
  }
  return parsed.data;
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
