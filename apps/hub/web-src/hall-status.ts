// A hall against its target, the same on the city dashboard and the citizens' page.
import type { HallNow, ServiceNow } from '@hallq/shared';
import { waitText } from './wait-text.js';

export type { HallNow, ServiceNow };

export type HallStatus = 'ok' | 'near' | 'over' | 'offline';

/** The service with people waiting whose estimated wait is the longest (null when none is known). */
export function longestService(h: HallNow): ServiceNow | null {
  let out: ServiceNow | null = null;
  for (const s of h.services) {
    if (s.waiting > 0 && s.estimatedWaitSeconds !== null && (out === null || s.estimatedWaitSeconds > out.estimatedWaitSeconds!)) out = s;
  }
  return out;
}

/** The longest estimated wait of a service with people waiting (null when none is known). */
export function longestWait(h: HallNow): number | null {
  return longestService(h)?.estimatedWaitSeconds ?? null;
}

/** A service's wait as the phone shows it (the range where the hall sent one); null without an estimate. */
export function serviceWait(lang: 'zh' | 'en', s: ServiceNow | null): string | null {
  return s ? waitText(lang, s.estimatedWaitSeconds, s.estimatedWaitRange) : null;
}

export function hallStatus(h: HallNow): HallStatus {
  if (!h.online) return 'offline';
  const w = longestWait(h);
  if (w !== null && w > h.waitTargetSeconds) return 'over';
  if (w !== null && w > 0.75 * h.waitTargetSeconds) return 'near';
  return 'ok';
}

export const minutes = (seconds: number | null): string => (seconds === null ? '—' : String(Math.round(seconds / 60)));

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}
