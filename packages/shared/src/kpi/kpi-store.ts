// Storage behind an interface: a KPI store runs kpiSql on its engine (SQLite in the hall,
// PostgreSQL in the hub); kpiStats turns its aggregates into the stats shape, the same way for both.
import type { Figures } from '../answers/stats';
import { EMPTY_AGGREGATES, figuresFromAggregates, type FigureAggregates } from './figures';
import type { KpiGrouping, KpiRange } from './kpi-sql';

export interface KpiGroup {
  k1: string;
  k2: string;
  aggregates: FigureAggregates;
}

export interface KpiStore {
  aggregates(range: KpiRange, grouping: KpiGrouping): Promise<KpiGroup[]>;
}

export interface KpiStats extends Figures {
  from: string;
  to: string;
  hallId: string | null;
  byHall: Array<{ hallId: string } & Figures>;
  byService: Array<{ hallId: string; serviceId: string } & Figures>;
  byHour: Array<{ hour: number } & Figures>;
  byDate: Array<{ date: string } & Figures>;
}

function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; ) {
    out.push(d);
    const next = new Date(`${d}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    d = next.toISOString().slice(0, 10);
  }
  return out;
}

/** The stats of a range; `halls` lists every hall to show in byHall (those without tickets too). */
export async function kpiStats(store: KpiStore, range: KpiRange, halls: readonly string[]): Promise<KpiStats> {
  const [total, byHall, byService, byHour, byDate] = await Promise.all(
    (['total', 'hall', 'service', 'hour', 'date'] as const).map((g) => store.aggregates(range, g)),
  );
  const hallRows = new Map(byHall!.map((g) => [g.k1, g.aggregates]));
  const dateRows = new Map(byDate!.map((g) => [g.k1, g.aggregates]));
  const hallIds = range.hallId === null ? [...new Set([...halls, ...hallRows.keys()])].sort() : [range.hallId];
  return {
    from: range.from,
    to: range.to,
    hallId: range.hallId,
    ...figuresFromAggregates(total![0]?.aggregates ?? EMPTY_AGGREGATES),
    byHall: hallIds.map((hallId) => ({ hallId, ...figuresFromAggregates(hallRows.get(hallId) ?? EMPTY_AGGREGATES) })),
    byService: byService!.map((g) => ({ hallId: g.k1, serviceId: g.k2, ...figuresFromAggregates(g.aggregates) })),
    byHour: byHour!.map((g) => ({ hour: Number(g.k1), ...figuresFromAggregates(g.aggregates) })).sort((a, b) => a.hour - b.hour),
    byDate: datesOf(range.from, range.to).map((date) => ({ date, ...figuresFromAggregates(dateRows.get(date) ?? EMPTY_AGGREGATES) })),
  };
}
