// Builds a report of a kind and writes it as CSV or XLSX.
import { toCsv } from './csv';
import { dailyReport, ticketsReport } from './daily-tickets';
import { contractorReport, ratingsReport } from './ratings-contractor';
import type { ReportInput } from './report-input';
import type { Report } from './report-model';
import { toXlsx } from './xlsx';

export const REPORT_KINDS = ['daily', 'tickets', 'ratings', 'contractor'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const BUILDERS: Record<ReportKind, (input: ReportInput) => Report> = {
  daily: dailyReport,
  tickets: ticketsReport,
  ratings: ratingsReport,
  contractor: (input) => {
    const report = contractorReport(input);
    if (report.sheets.length > 0) return report;
    // No organisation did any work in the period: still a statement, saying so.
    return { ...report, sheets: [{ name: '无数据 No data', preamble: [['服务结算月报 Monthly service statement'], [`统计期间 Period: ${input.range.from} ~ ${input.range.to}`], ['无数据 No data']], columns: [], rows: [], footer: [] }] };
  },
};

export const isReportKind = (k: string): k is ReportKind => (REPORT_KINDS as readonly string[]).includes(k);
export const isReportFormat = (f: string): f is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(f);

export function buildReport(kind: ReportKind, input: ReportInput): Report {
  return BUILDERS[kind](input);
}

export async function writeReport(report: Report, format: ReportFormat): Promise<Buffer> {
  return format === 'csv' ? toCsv(report) : toXlsx(report);
}
