// A report as the CSV and XLSX writers see it: sheets of bilingual columns and plain cells, with
// optional lines above the table (title, period) and below it (the sign-off block).
import { localDateTime as hallClock } from '../stats/local-days';

export type Cell = string | number | null;

export interface Column {
  key: string;
  zh: string;
  en: string;
  /** How a spreadsheet shows the numbers: whole, one decimal (minutes, percentages) or text. */
  format?: 'int' | 'decimal' | 'text';
  width?: number;
}

export interface Sheet {
  /** Sheet name in the workbook (at most 31 characters). */
  name: string;
  preamble: Cell[][];
  columns: Column[];
  rows: Cell[][];
  footer: Cell[][];
}

export interface Report {
  /** File name without extension, e.g. daily-2026-03-01-2026-03-31. */
  fileName: string;
  sheets: Sheet[];
}

/** "日期 Date": Chinese first, then English, so Excel users in either language read the header. */
export const headerOf = (c: Column): string => `${c.zh} ${c.en}`;

export const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 6) / 10);
export const percent = (fraction: number | null): number | null => (fraction === null ? null : Math.round(fraction * 1000) / 10);

/** "YYYY-MM-DD HH:MM:SS" in the hall's timezone; null stays empty. */
export const localDateTime = (ms: number | null, timeZone: string): string | null => (ms === null ? null : hallClock(ms, timeZone));
