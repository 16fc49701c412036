// The staffing planner page's data: the server's answers (GET planning/forecast, POST
// planning/plan) and the pure helpers the page and its tests use.
import type { PlanningForecast, StaffingPlan } from '@hallq/shared';

export type { DayType } from '@hallq/shared';
export type ForecastResponse = PlanningForecast;
export type PlanResponse = StaffingPlan;

/** Editable table: text per service and hour of day (24), as typed. */
export type ForecastCells = Record<string, string[]>;

/** The services worth a row: active ones, and inactive ones someone came for. */
export function plannedServices(f: ForecastResponse): ForecastResponse['services'] {
  return f.services.filter((s) => s.active || (f.arrivals[s.id] ?? []).some((x) => x > 0));
}

export function cellsOf(f: ForecastResponse): ForecastCells {
  const out: ForecastCells = {};
  for (const s of plannedServices(f)) out[s.id] = Array.from({ length: 24 }, (_, h) => String(f.arrivals[s.id]?.[h] ?? 0));
  return out;
}

/** A typed cell: blank = 0; otherwise a finite number >= 0, else null (invalid). */
export function parseCell(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The forecast to send, or the cells that are not numbers. */
export function forecastBody(cells: ForecastCells): { forecast: Record<string, number[]> } | { invalid: string[] } {
  const forecast: Record<string, number[]> = {};
  const invalid: string[] = [];
  for (const [id, row] of Object.entries(cells)) {
    forecast[id] = row.map((text, h) => {
      const n = parseCell(text);
      if (n === null) invalid.push(`${id}/${h}`);
      return n ?? 0;
    });
  }
  return invalid.length ? { invalid } : { forecast };
}

/** Hours shown: the hall's usual day (8..17) widened to every hour with visitors. */
export function hourRange(cells: ForecastCells): { from: number; to: number } {
  let from = 8;
  let to = 17;
  for (const row of Object.values(cells))
    row.forEach((text, h) => {
      if ((parseCell(text) ?? 0) > 0) {
        from = Math.min(from, h);
        to = Math.max(to, h);
      }
    });
  return { from, to };
}

export const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

export function intervalsText(open: ReadonlyArray<{ from: number; to: number }>): string {
  return open.map((i) => `${hh(i.from)}–${hh(i.to)}`).join(', ');
}

export interface ChartPoint {
  hour: string;
  arrivals: number;
  recommended: number;
  dedicated: number;
  pooled: number;
}

export function chartData(plan: PlanResponse, range: { from: number; to: number }): ChartPoint[] {
  return plan.hours
    .filter((h) => h.hour >= range.from && h.hour <= range.to)
    .map((h) => ({ hour: hh(h.hour), arrivals: h.totalArrivals, recommended: h.recommended, dedicated: h.dedicatedTotal, pooled: h.pooled }));
}
