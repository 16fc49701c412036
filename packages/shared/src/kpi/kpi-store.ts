// Storage behind an interface: a KPI store runs kpiSql on its engine (SQLite in the hall,
// PostgreSQL in the hub); kpiStats turns its aggregates into the stats shape, the same way for both.
import type { Figures } from '../answers/stats';
import { datesOf, weekdaysOf } from '../calendar-dates';
import { EMPTY_AGGREGATES, figuresFromAggregates, type FigureAggregates } from './figures';
import type { KpiWindowTime } from './kpi-rows';
import type { KpiGrouping, KpiRange } from './kpi-sql';

export interface KpiGroup {
  k1: string;
  k2: string;
  aggregates: FigureAggregates;
  /** windows only */
  window?: KpiWindowTime;
}

export interface KpiStore {
  aggregates(range: KpiRange, grouping: KpiGrouping): Promise<KpiGroup[]>;
}

/** A window's row: per visit, keyed by hall (window ids and numbers are a hall's own). */
export type KpiWindowRow = { hallId: string; windowId: string; windowNumber: number | null; openSeconds: number; busySeconds: number; utilisation: number | null } & Figures;

/**
 * The stats of a range over every hall or one. The figures and each `by...` row mean what they
 * mean in the hall's own stats; every key that is a hall's own (service, module, window, staff
 * member, organisation) comes with its `hallId`.
 */
export interface KpiStats extends Figures {
  from: string;
  to: string;
  hallId: string | null;
  byHall: Array<{ hallId: string } & Figures>;
  byService: Array<{ hallId: string; serviceId: string } & Figures>;
  byModule: Array<{ hallId: string; moduleId: string } & Figures>;
  byWindow: KpiWindowRow[];
  byStaff: Array<{ hallId: string; staffId: string } & Figures>;
  byOrganisation: Array<{ hallId: string; organisationId: string } & Figures>;
  byHour: Array<{ hour: number } & Figures>;
  byDate: Array<{ date: string } & Figures>;
  /** Tickets issued by local weekday (1 = Monday) and hour; `days` = how many of each weekday the range has. */
  arrivals: { cells: Array<{ weekday: number; hour: number; issued: number }>; days: Record<string, number> };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const GROUPINGS = ['total', 'hall', 'service', 'module', 'hour', 'date', 'arrival', 'window', 'staff', 'organisation'] as const;

/** The stats of a range; `halls` lists every hall to show in byHall (those without tickets too). */
export async function kpiStats(store: KpiStore, range: KpiRange, halls: readonly string[]): Promise<KpiStats> {
  const results = await Promise.all(GROUPINGS.map((g) => store.aggregates(range, g)));
  const by = Object.fromEntries(GROUPINGS.map((g, i) => [g, results[i]!])) as Record<(typeof GROUPINGS)[number], KpiGroup[]>;
  const hallRows = new Map(by.hall.map((g) => [g.k1, g.aggregates]));
  const dateRows = new Map(by.date.map((g) => [g.k1, g.aggregates]));
  const hallIds = range.hallId === null ? [...new Set([...halls, ...hallRows.keys()])].sort() : [range.hallId];
  // Sorted here, by code unit, not by the engine's collation (PostgreSQL's may follow a locale).
  const byKeys = (a: KpiGroup, b: KpiGroup) => cmp(a.k1, b.k1) || cmp(a.k2, b.k2);
  const keyed = <K extends string>(key: K, groups: KpiGroup[]) =>
    [...groups].sort(byKeys).map((g) => ({ hallId: g.k1, [key]: g.k2, ...figuresFromAggregates(g.aggregates) }) as { hallId: string } & { [P in K]: string } & Figures);
  return {
    from: range.from,
    to: range.to,
    hallId: range.hallId,
    ...figuresFromAggregates(by.total[0]?.aggregates ?? EMPTY_AGGREGATES),
    byHall: hallIds.map((hallId) => ({ hallId, ...figuresFromAggregates(hallRows.get(hallId) ?? EMPTY_AGGREGATES) })),
    byService: keyed('serviceId', by.service),
    byModule: keyed('moduleId', by.module),
    byWindow: [...by.window]
      .sort(byKeys)
      .map((g): KpiWindowRow => {
        const w = g.window ?? { number: null, openMs: 0, busyMs: 0 };
        return {
          hallId: g.k1, windowId: g.k2, windowNumber: w.number, ...figuresFromAggregates(g.aggregates),
          openSeconds: Math.round(w.openMs / 1000), busySeconds: Math.round(w.busyMs / 1000), utilisation: w.openMs === 0 ? null : Math.min(1, w.busyMs / w.openMs),
        };
      })
      .sort((a, b) => cmp(a.hallId, b.hallId) || (a.windowNumber ?? Infinity) - (b.windowNumber ?? Infinity)),
    byStaff: keyed('staffId', by.staff),
    byOrganisation: keyed('organisationId', by.organisation),
    byHour: by.hour.map((g) => ({ hour: Number(g.k1), ...figuresFromAggregates(g.aggregates) })).sort((a, b) => a.hour - b.hour),
    byDate: datesOf(range.from, range.to).map((date) => ({ date, ...figuresFromAggregates(dateRows.get(date) ?? EMPTY_AGGREGATES) })),
    arrivals: {
      cells: by.arrival.map((g) => ({ weekday: Number(g.k1), hour: Number(g.k2), issued: g.aggregates.issued })).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
      days: weekdaysOf(range.from, range.to),
    },
  };
}
