// The body of POST /hub/halls/:hallId/events: the events (each as the hall emitted it) and,
// optionally, what the hall knows that events do not carry: its catalogue and live estimates.
import { HALL_EVENT_TYPES } from '@hallq/shared';
import { z } from 'zod';

/** The most events one batch may carry (the hall's pusher sends at most this many). */
export const MAX_BATCH = 500;

const Localized = z.object({ zh: z.string().max(200), en: z.string().max(200) }).partial();

export const IngestEvent = z.looseObject({
  seq: z.number().int().min(1),
  type: z.enum(HALL_EVENT_TYPES),
  at: z.iso.datetime({ offset: true }),
  hallId: z.string().optional(),
  actor: z.object({ kind: z.string(), id: z.string().nullable() }).optional(),
});
export type IngestEvent = z.infer<typeof IngestEvent>;

export const HallInfo = z.object({
  name: z.string().min(1).max(200).optional(),
  timezone: z.string().min(1).max(64).optional(),
  waitTargetSeconds: z.number().int().min(1).max(86_400).optional(),
  /** Where visitors reach the hall's own server (its public page is PUBLIC_URL/h/<hallId>). */
  publicUrl: z.url().max(500).nullable().optional(),
  services: z
    .array(z.object({ id: z.string().min(1).max(100), name: Localized, waitTargetSeconds: z.number().int().min(1).nullable().optional() }))
    .max(500)
    .optional(),
});
export type HallInfo = z.infer<typeof HallInfo>;

export const LiveInfo = z.object({
  services: z.array(z.object({ serviceId: z.string().min(1).max(100), estimatedWaitSeconds: z.number().int().min(0).nullable() })).max(500),
});
export type LiveInfo = z.infer<typeof LiveInfo>;

export const IngestBody = z.object({
  events: z.array(IngestEvent).max(MAX_BATCH),
  hall: HallInfo.optional(),
  live: LiveInfo.optional(),
});
export type IngestBody = z.infer<typeof IngestBody>;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
