// One tap on "take ticket" = one Idempotency-Key, reused for every retry: a network blip may
// delay a ticket but never makes two. Nothing is issued without the server.
import { ApiError, newIdempotencyKey } from '@hallq/client';
import type { ApiClient } from '@hallq/client';
import type { Lang, OpeningHours, Ticket } from '@hallq/shared';

export type IssuedTicket = Ticket & { publicId: string; statusUrl: string };

export const CLOSED_CODES = ['service_closed', 'hall_closed', 'quota_reached'] as const;
export type ClosedCode = (typeof CLOSED_CODES)[number];

export type TakeOutcome =
  | { kind: 'issued'; ticket: IssuedTicket }
  | { kind: 'closed'; code: ClosedCode; message: string; details: unknown }
  | { kind: 'appointment_invalid'; code: string; message: string }
  | { kind: 'offline' }
  | { kind: 'failed'; code: string; message: string };

export interface TakeRequest {
  hallId: string;
  serviceId: string;
  lang: Lang;
  appointmentCode?: string;
}

export interface TakeOptions {
  /** Pause before each retry; its length is the number of retries. */
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number) => void;
  idempotencyKey?: string;
}

export const DEFAULT_RETRY_DELAYS_MS = [700, 1500, 3000];

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A server that did not answer, or answered 5xx/429, may still have issued the ticket: retry. */
function retryable(err: ApiError): boolean {
  return err.offline || err.status >= 500 || err.status === 429;
}

export async function takeTicket(api: ApiClient, req: TakeRequest, opts: TakeOptions = {}): Promise<TakeOutcome> {
  const key = opts.idempotencyKey ?? newIdempotencyKey();
  const delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = opts.sleep ?? realSleep;
  const body: Record<string, unknown> = { serviceId: req.serviceId, lang: req.lang };
  if (req.appointmentCode) body.appointmentCode = req.appointmentCode;
  let lastError: ApiError | null = null;
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) {
      opts.onRetry?.(attempt);
      await sleep(delays[attempt - 1] ?? 0);
    }
    try {
      const res = await api.post<{ ticket: IssuedTicket }>(`/halls/${encodeURIComponent(req.hallId)}/tickets`, body, { idempotencyKey: key });
      return { kind: 'issued', ticket: res.ticket };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (retryable(err)) {
        lastError = err;
        continue;
      }
      if ((CLOSED_CODES as readonly string[]).includes(err.code)) {
        return { kind: 'closed', code: err.code as ClosedCode, message: err.message, details: err.details };
      }
      if (req.appointmentCode && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 403) {
        return { kind: 'appointment_invalid', code: err.code, message: err.message };
      }
      return { kind: 'failed', code: err.code, message: err.message };
    }
  }
  if (lastError && !lastError.offline) return { kind: 'failed', code: lastError.code, message: lastError.message };
  return { kind: 'offline' };
}

/** Free text the server may give with a closed/quota answer (details.reason or .message). */
export function closedReason(details: unknown, lang: Lang): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as Record<string, unknown>;
  for (const key of ['reason', 'message']) {
    const value = d[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'object' && value !== null) {
      const text = value as { zh?: unknown; en?: unknown };
      const chosen = lang === 'en' && typeof text.en === 'string' ? text.en : text.zh;
      if (typeof chosen === 'string' && chosen.trim()) return chosen.trim();
    }
  }
  return null;
}

/** Opening hours the server names with a closed answer, if it does (else the service's own). */
export function closedHours(details: unknown): OpeningHours | undefined {
  if (typeof details !== 'object' || details === null || !('openingHours' in details)) return undefined;
  const hours = (details as { openingHours: unknown }).openingHours;
  if (hours === null) return null;
  return Array.isArray(hours) ? (hours as OpeningHours) : undefined;
}
