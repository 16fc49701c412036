// The daily summary (one row per local date plus the period total) and the ticket detail.
import type { Figures } from '../stats/figures';
import { localDateTime, minutes, percent, type Cell, type Column, type Report } from './report-model';
import { firstTimeAcceptedOf, serviceName, serviceSecondsOf, staffName, type ReportInput } from './report-input';

const FIGURE_COLUMNS: Column[] = [
  { key: 'issued', zh: '取号数', en: 'Issued', format: 'int' },
  { key: 'served', zh: '办结数', en: 'Served', format: 'int' },
  { key: 'noShow', zh: '过号数', en: 'No-show', format: 'int' },
  { key: 'cancelled', zh: '取消数', en: 'Cancelled', format: 'int' },
  { key: 'waitMean', zh: '平均等候(分钟)', en: 'Mean wait (min)', format: 'decimal' },
  { key: 'waitP90', zh: '90%等候(分钟)', en: 'P90 wait (min)', format: 'decimal' },
  { key: 'waitMax', zh: '最长等候(分钟)', en: 'Longest wait (min)', format: 'decimal' },
  { key: 'withinTarget', zh: '目标内等候率(%)', en: 'Within wait target (%)', format: 'decimal' },
  { key: 'serviceMean', zh: '平均办理(分钟)', en: 'Mean service (min)', format: 'decimal' },
  { key: 'firstTime', zh: '一次性受理率(%)', en: 'First-time acceptance (%)', format: 'decimal' },
  { key: 'ratings', zh: '评价数', en: 'Ratings', format: 'int' },
  { key: 'satisfied', zh: '满意率(%)', en: 'Satisfaction (%)', format: 'decimal' },
  { key: 'bad', zh: '差评数', en: 'Bad ratings', format: 'int' },
];

export const figureCells = (f: Figures): Cell[] => [
  f.issued, f.served, f.noShow, f.cancelled, minutes(f.waitSeconds.mean), minutes(f.waitSeconds.p90), minutes(f.waitSeconds.max),
  percent(f.withinTargetShare), minutes(f.serviceSeconds.mean), percent(f.firstTimeAcceptedShare), f.ratings.count,
  percent(f.ratings.satisfiedShare), f.ratings.bad,
];

const period = (input: ReportInput): string => `${input.range.from} ~ ${input.range.to}`;

export function dailyReport(input: ReportInput): Report {
  return {
    fileName: `daily-${input.range.from}-${input.range.to}`,
    sheets: [{
      name: '每日汇总 Daily',
      preamble: [],
      columns: [{ key: 'date', zh: '日期', en: 'Date', format: 'text', width: 14 }, ...FIGURE_COLUMNS],
      rows: [...input.stats.byDate.map((d) => [d.date, ...figureCells(d)]), ['合计 Total', ...figureCells(input.stats)]],
      footer: [],
    }],
  };
}

const OUTCOMES: Record<string, string> = {
  waiting: '等候中 waiting', called: '已叫号 called', serving: '办理中 serving', done: '已办结 done', no_show: '过号 no-show', cancelled: '已取消 cancelled',
};
const yesNo = (v: boolean | null): string | null => (v === null ? null : v ? '是 yes' : '否 no');

export function ticketsReport(input: ReportInput): Report {
  const tz = input.hall.timezone;
  const rows = input.tickets
    .slice()
    .sort((a, b) => a.issuedAt - b.issuedAt)
    .map((t): Cell[] => {
      const s = serviceName(input, t.serviceId);
      const last = t.visits[t.visits.length - 1];
      return [
        t.local.date, t.number, s.code, s.zh, s.en, localDateTime(t.issuedAt, tz), localDateTime(t.firstCalledAt, tz),
        t.firstCalledAt === null ? null : minutes((t.firstCalledAt - t.issuedAt) / 1000),
        t.visits.map((v) => v.windowNumber).join(' > ') || null, staffName(input, last?.staffId ?? null),
        OUTCOMES[t.status] ?? t.status, localDateTime(t.finishedAt, tz), minutes(serviceSecondsOf(t)), yesNo(firstTimeAcceptedOf(t)),
        t.rating?.level ?? null,
      ];
    });
  return {
    fileName: `tickets-${input.range.from}-${input.range.to}`,
    sheets: [{
      name: '票号明细 Tickets',
      preamble: [],
      columns: [
        { key: 'date', zh: '日期', en: 'Date', format: 'text', width: 12 },
        { key: 'number', zh: '票号', en: 'Number', format: 'text' },
        { key: 'serviceCode', zh: '事项编码', en: 'Service code', format: 'text' },
        { key: 'serviceZh', zh: '事项', en: 'Service (zh)', format: 'text', width: 22 },
        { key: 'serviceEn', zh: '事项英文名', en: 'Service', format: 'text', width: 28 },
        { key: 'issuedAt', zh: '取号时间', en: 'Issued at', format: 'text', width: 20 },
        { key: 'calledAt', zh: '首次叫号时间', en: 'First called at', format: 'text', width: 20 },
        { key: 'wait', zh: '等候(分钟)', en: 'Wait (min)', format: 'decimal' },
        { key: 'windows', zh: '窗口', en: 'Windows', format: 'text' },
        { key: 'staff', zh: '办理人员', en: 'Staff', format: 'text' },
        { key: 'outcome', zh: '状态', en: 'Outcome', format: 'text', width: 16 },
        { key: 'finishedAt', zh: '结束时间', en: 'Finished at', format: 'text', width: 20 },
        { key: 'service', zh: '办理时长(分钟)', en: 'Service (min)', format: 'decimal' },
        { key: 'firstTime', zh: '一次性受理', en: 'First-time accepted', format: 'text' },
        { key: 'rating', zh: '评价等级', en: 'Rating', format: 'int' },
      ],
      rows,
      footer: [[`统计期间 Period: ${period(input)}`]],
    }],
  };
}
