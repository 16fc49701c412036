// The city hub contract: the body a hall server pushes to POST /hub/halls/:hallId/events (the
// events as the hall emitted them and, optionally, what the hall knows that events do not carry:
// its catalogue and live estimates). Typed once for the hall's pusher and the hub.
import { HALL_EVENT_TYPES, type HallEvent } from './events';
import { z } from 'zod';

/** The most events one batch may carry (the hall's pusher sends at most this many). */
export const HUB_MAX_BATCH = 500;

const Localized = z.object({ zh: z.string().max(200), en: z.string().max(200) }).partial();

export const HubIngestEvent = z.looseObject({
  seq: z.number().int().min(1),
  type: z.enum(HALL_EVENT_TYPES),
  at: z.iso.datetime({ offset: true }),
  hallId: z.string().optional(),
  actor: z.object({ kind: z.string(), id: z.string().nullable() }).optional(),
});
export type HubIngestEvent = z.infer<typeof HubIngestEvent>;

export const HubHallInfo = z.object({
  name: z.string().min(1).max(200).optional(),
  timezone: z.string().min(1).max(64).optional(),
  waitTargetSeconds: z.number().int().min(1).max(86_400).optional(),
  /** Where visitors reach the hall's own server (its public page is PUBLIC_URL/h/<hallId>); null:
   * the hall has no address citizens can reach. Only http(s): the citizens' page links to it. */
  publicUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(500).nullable().optional(),
  services: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        name: Localized,
        waitTargetSeconds: z.number().int().min(1).nullable().optional(),
        /** The service's module (the city's stats by module). */
        moduleId: z.string().min(1).max(100).nullable().optional(),
      }),
    )
    .max(500)
    .optional(),
});
export type HubHallInfo = z.infer<typeof HubHallInfo>;

/** Where a newcomer's call most likely falls (low <= high, whole seconds). */
export const HubWaitRange = z
  .object({ lowSeconds: z.number().int().min(0), highSeconds: z.number().int().min(0) })
  .refine((r) => r.lowSeconds <= r.highSeconds, { message: 'lowSeconds must not exceed highSeconds' });

export const HubLiveInfo = z.object({
  services: z
    .array(
      z.object({
        serviceId: z.string().min(1).max(100),
        estimatedWaitSeconds: z.number().int().min(0).nullable(),
        /** Optional: halls that send no range keep the single figure on the city's pages. */
        estimatedWaitRange: HubWaitRange.nullable().optional(),
      }),
    )
    .max(500),
});
export type HubLiveInfo = z.infer<typeof HubLiveInfo>;

export const HubIngestBody = z.object({
  events: z.array(HubIngestEvent).max(HUB_MAX_BATCH),
  hall: HubHallInfo.optional(),
  live: HubLiveInfo.optional(),
});
export type HubIngestBody = z.infer<typeof HubIngestBody>;

/** The hub's answer to a batch (and to an empty one: the pusher's handshake and heartbeat). */
export interface HubIngestAnswer {
  ackSeq: number;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** What a hall's pusher sends: its own events as emitted (the hub validates them as HubIngestBody). */
export type HubPushBody = Omit<HubIngestBody, 'events'> & { events: readonly HallEvent[] };
