// What the hub's routes accept, as zod schemas: the routes validate with them and the OpenAPI
// document is generated from them (the ingest body is the shared hub contract of packages/shared).
import { z } from 'zod';

export const HallId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)');

export const LoginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const CreateHallBody = z.object({
  id: HallId,
  name: z.string().min(1).max(200),
  district: z.string().min(1).max(100).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
});

export const EventsQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** Longest range of one stats request. */
export const MAX_STATS_DAYS = 366;

export const HubStatsQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional(), hallId: HallId.optional() });
