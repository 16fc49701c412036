// A hall against its target, the same on the city dashboard and the citizens' page.
import type { HallNow, ServiceNow } from '@hallq/shared';

export type { HallNow, ServiceNow };

export type HallStatus = 'ok' | 'near' | 'over' | 'offline';

/** The longest estimated wait of a service with people waiting (null when none is known). */
export function longestWait(h: HallNow): number | null {
  const waits = h.services.filter((s) => s.waiting > 0 && s.estimatedWaitSeconds !== null).map((s) => s.estimatedWaitSeconds!);
  return waits.length === 0 ? null : Math.max(...waits);
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
