// Time in the simulation: milliseconds since the start of the warm-up. Hour of day = startHour +
// elapsed hours (mod 24). Window schedules and hourly arrival rates are given in hours of day.
import type { ArrivalRate, ScenarioWindow } from './scenario';
import { rateAt } from './scenario';
import type { Random } from './rng';

export const HOUR_MS = 3_600_000;

export function hourOfDay(startHour: number, timeMs: number): number {
  return (((startHour + timeMs / HOUR_MS) % 24) + 24) % 24;
}

function openAt(w: ScenarioWindow, h: number): boolean {
  const inside = (i: { from: number; to: number }): boolean => h >= i.from && h < i.to;
  if (w.open && !w.open.some(inside)) return false;
  return !(w.breaks ?? []).some(inside);
}

/** Whether the window is open at time 0, and the times (ms) it opens or closes until `endMs`. */
export function windowTransitions(
  w: ScenarioWindow,
  startHour: number,
  endMs: number,
): { initiallyOpen: boolean; changes: Array<{ time: number; open: boolean }> } {
  const initiallyOpen = openAt(w, hourOfDay(startHour, 0));
  const bounds = [...(w.open ?? []), ...(w.breaks ?? [])].flatMap((i) => [i.from, i.to]);
  const points = [...new Set(bounds.map((b) => b % 24))].sort((a, b) => a - b);
  // No bounds (no schedule, or `breaks: []`): the window never changes.
  if (points.length === 0) return { initiallyOpen, changes: [] };
  const changes: Array<{ time: number; open: boolean }> = [];
  let state = initiallyOpen;
  for (let day = 0; ; day++) {
    for (const p of points) {
      const time = Math.round((day * 24 + p - startHour) * HOUR_MS);
      if (time <= 0) continue;
      if (time > endMs) return { initiallyOpen, changes };
      const next = openAt(w, p);
      if (next !== state) {
        changes.push({ time, open: next });
        state = next;
      }
    }
  }
}

/**
 * The next arrival time after `fromMs` of a Poisson process whose rate is constant within each
 * hour of day; null when none comes before `endMs`. Memoryless: at each hour boundary the draw
 * starts again with the new rate, which is exact for a piecewise-constant rate.
 */
export function nextArrival(rate: ArrivalRate, startHour: number, fromMs: number, endMs: number, rng: Random): number | null {
  let t = fromMs;
  while (t < endMs) {
    const hourEnd = Math.min(endMs, (Math.floor((startHour * HOUR_MS + t) / HOUR_MS + 1e-9) + 1) * HOUR_MS - startHour * HOUR_MS);
    const perHour = rateAt(rate, hourOfDay(startHour, t));
    if (perHour > 0) {
      const candidate = t + rng.exponential(HOUR_MS / perHour);
      if (candidate < hourEnd) return candidate;
    }
    t = hourEnd;
  }
  return null;
}
