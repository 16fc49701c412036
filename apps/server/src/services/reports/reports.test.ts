import ExcelJS from 'exceljs';
import type { FollowUpView } from '../follow-up/follow-up-workflow';
import { statsFromFacts } from '../stats/compute-stats';
import type { HallCatalogue } from '../../storage/history-repo';
import { boundsOf } from '../stats/local-days';
import { foldEvents } from '../stats/ticket-facts';
import { contractorStatements } from './contractor-statement';
import { parseCsv } from './csv-parse.test-util';
import { csvField, toCsv } from './csv';
import { EventLog } from './event-log.test-util';
import { haochapingExport } from './haochaping';
import type { ReportInput } from './report-input';
import { buildReport, writeReport } from './report-service';
import { toXlsx } from './xlsx';

/** The first worksheet's XML as written, read with the unzip the test suite has (exceljs's own). */
async function sheetXmlOf(bytes: Buffer): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(name: string): { async(t: 'string'): Promise<string> } | null }> };
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
}

const TZ = 'Asia/Shanghai';
const at = (date: string, hhmm: string): string => `${date}T${hhmm}:00+08:00`;
const MON = '2026-03-02';
const TUE = '2026-03-03';
const REASON = 'slow, "rude"\nstaff';

const catalogue: HallCatalogue = {
  services: new Map([
    ['reg', { code: 'BIZ-01', name: { zh: '企业设立登记', en: 'Company registration' }, moduleId: 'biz', waitTargetSeconds: null, stages: [{ zh: '预审', en: 'Pre-review' }, { zh: '受理', en: 'Acceptance' }] }],
    ['food', { code: 'SGL-01', name: { zh: '食品经营许可', en: 'Food licence' }, moduleId: 'single', waitTargetSeconds: 600, stages: [{ zh: '办理', en: 'Service' }] }],
  ]),
  modules: new Map([['biz', { zh: '商事登记', en: 'Business registration' }], ['single', { zh: '单一事项', en: 'Single items' }]]),
  windows: new Map([['win-1', 1], ['win-2', 2], ['win-3', 3]]),
  staff: new Map([
    ['s-help', { name: '帮办小王', username: 'w03', organisationId: 'contractor' }],
    ['s-off', { name: '审批老李', username: 'w01', organisationId: 'gov' }],
  ]),
  organisations: new Map([
    ['gov', { id: 'gov', name: { zh: '区政务服务局', en: 'Government Services Bureau' }, kind: 'government' as const }],
    ['contractor', { id: 'contractor', name: { zh: '帮办服务公司', en: 'Helper Services Ltd' }, kind: 'contractor' as const }],
  ]),
};

/** Two days; every figure asserted below is worked out by hand from these lines. */
const log = new EventLog()
  .issue('T1', 'reg', at(MON, '09:00'), 'A001')
  .issue('T2', 'reg', at(MON, '09:05'), 'A002')
  .call('T1', 3, 's-help', at(MON, '09:10')).start('T1', at(MON, '09:11')).transfer('T1', at(MON, '09:21'), 'reg', 1)
  .issue('T3', 'food', at(MON, '09:20'), 'D001')
  .call('T1', 1, 's-off', at(MON, '09:30')).start('T1', at(MON, '09:31')).complete('T1', at(MON, '09:41'), true).rate('T1', at(MON, '09:42'), 1)
  .call('T3', 2, 's-off', at(MON, '09:30')).noShow('T3', at(MON, '09:35'))
  .call('T2', 1, 's-off', at(MON, '10:00')).start('T2', at(MON, '10:02')).complete('T2', at(MON, '10:12'), false).rate('T2', at(MON, '10:13'), 5)
  .issue('T4', 'food', at(TUE, '08:00'), 'D001')
  .call('T4', 3, 's-help', at(TUE, '08:20')).start('T4', at(TUE, '08:20')).complete('T4', at(TUE, '08:30'), true).rate('T4', at(TUE, '08:31'), 2);

const followUp: FollowUpView = {
  id: 'fu1', ticketId: 'T2', ticketNumber: 'A002', serviceId: 'reg', windowNumber: 1, staffId: 's-off', serviceDate: MON, level: 5, reason: REASON,
  createdAt: '2026-03-02T02:13:00.000Z', deadline: '2026-03-23', status: 'closed', assigneeId: 's-off', closedAt: '2026-03-05T02:00:00.000Z',
  rectified: true, overdue: false,
  steps: [
    { action: 'assign', at: '2026-03-02T03:00:00.000Z', actorId: 'super', assigneeId: 's-off', note: null },
    { action: 'call_back', at: '2026-03-03T03:00:00.000Z', actorId: 's-off', assigneeId: null, note: '已回访' },
    { action: 'rectify', at: '2026-03-04T03:00:00.000Z', actorId: 's-off', assigneeId: null, note: '增开窗口' },
    { action: 'review', at: '2026-03-05T01:00:00.000Z', actorId: 'super', assigneeId: null, note: '整改到位' },
    { action: 'close', at: '2026-03-05T02:00:00.000Z', actorId: 'super', assigneeId: null, note: null },
  ],
};

function input(from = MON, to = TUE): ReportInput {
  const { start, end } = boundsOf(from, to, TZ);
  const facts = foldEvents(log.events, TZ, from, to);
  const stats = statsFromFacts(facts, {
    timeZone: TZ, from, to, start, end, now: end, waitTargetSeconds: 2400,
    services: new Map([['reg', { moduleId: 'biz', waitTargetSeconds: null }], ['food', { moduleId: 'single', waitTargetSeconds: 600 }]]),
    staffOrganisation: new Map([['s-help', 'contractor'], ['s-off', 'gov']]),
  });
  return {
    hall: { id: 'h1', name: { zh: '测试大厅', en: 'Test Hall' }, timezone: TZ, waitTargetSeconds: 2400 },
    range: { from, to }, stats, tickets: facts.tickets, catalogue,
    followUps: new Map([['T2', followUp]]),
    reasons: new Map([['T1', null], ['T2', REASON], ['T4', null]]),
    statements: contractorStatements(facts.tickets, {
      organisationOf: (id) => catalogue.staff.get(id)?.organisationId,
      targetOf: (id) => catalogue.services.get(id)?.waitTargetSeconds ?? 2400,
      rectifiedTickets: new Set(['T2']),
    }),
  };
}

async function csvOf(kind: Parameters<typeof buildReport>[0]): Promise<{ bytes: Buffer; rows: string[][] }> {
  const bytes = await writeReport(buildReport(kind, input()), 'csv');
  return { bytes, rows: parseCsv(bytes.toString('utf8')) };
}

async function xlsxOf(kind: Parameters<typeof buildReport>[0]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await writeReport(buildReport(kind, input()), 'xlsx') as unknown as ArrayBuffer);
  return wb;
}

describe('CSV for Excel', () => {
  test('starts with the UTF-8 byte-order mark and ends lines with CRLF', async () => {
    const { bytes } = await csvOf('daily');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  test('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    const text = toCsv({ fileName: 'x', sheets: [{ name: 's', preamble: [], columns: [{ key: 'a', zh: '原因', en: 'Reason' }], rows: [[REASON]], footer: [] }] }).toString('utf8');
    expect(parseCsv(text)).toEqual([['原因 Reason'], [REASON]]);
  });
});

describe('daily summary', () => {
  test('one row per local date and the period total, with Chinese and English headers', async () => {
    const { rows } = await csvOf('daily');
    expect(rows[0]!.slice(0, 5)).toEqual(['日期 Date', '取号数 Issued', '办结数 Served', '过号数 No-show', '取消数 Cancelled']);
    const byDate = new Map(rows.slice(1).map((r) => [r[0], r]));
    // Monday: waits T1 600, T2 3300, T3 600 s -> mean 25 min, P90 55 min; within target 2 of 3;
    // visits served 600 s each -> 10 min; first time: T1 yes, T2 no; ratings 1 and 5.
    expect(byDate.get(MON)).toEqual([MON, '3', '2', '1', '0', '25', '55', '55', '66.7', '10', '50', '2', '50', '1']);
    // Tuesday: T4 waited 20 min against the 10-minute food target.
    expect(byDate.get(TUE)).toEqual([TUE, '1', '1', '0', '0', '20', '20', '20', '0', '10', '100', '1', '100', '0']);
    // Total: waits 600 600 1200 3300 -> mean 1425 s = 23.75 min, shown to one decimal.
    expect(byDate.get('合计 Total')).toEqual(['合计 Total', '4', '3', '1', '0', '23.8', '55', '55', '50', '10', '66.7', '3', '66.7', '1']);
  });

  test('the XLSX reads back with the same figures and numbers as numbers', async () => {
    const wb = await xlsxOf('daily');
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('每日汇总 Daily');
    expect(ws.getRow(1).getCell(1).value).toBe('日期 Date');
    expect(ws.getRow(2).getCell(1).value).toBe(MON);
    expect(ws.getRow(2).getCell(2).value).toBe(3);
    expect(ws.getRow(4).getCell(6).value).toBe(23.8);
    expect(ws.getColumn(6).numFmt).toBe('0.0');
  });
});

describe('ticket detail', () => {
  test('local times in the hall timezone, windows of every stage, outcome in both languages', async () => {
    const { rows } = await csvOf('tickets');
    const t1 = rows.find((r) => r[1] === 'A001')!;
    expect(t1.slice(0, 4)).toEqual([MON, 'A001', 'BIZ-01', '企业设立登记']);
    expect(t1[5]).toBe('2026-03-02 09:00:00');
    expect(t1[6]).toBe('2026-03-02 09:10:00');
    expect(t1.slice(7, 15)).toEqual(['10', '3 > 1', '审批老李', '已办结 done', '2026-03-02 09:41:00', '20', '是 yes', '1']);
    expect(rows.find((r) => r[1] === 'D001' && r[0] === MON)![10]).toBe('过号 no-show');
  });
});

describe('ratings', () => {
  test('lists each rating with its reason and follow-up; the reason survives quoting', async () => {
    const { rows } = await csvOf('ratings');
    expect(rows[0]![10]).toBe('差评原因 Reason');
    const bad = rows.find((r) => r[2] === 'A002')!;
    expect(bad.slice(5, 15)).toEqual(['1', '审批老李', '5', '非常不满意 Very dissatisfied', '是 yes', REASON, '已办结 closed', '2026-03-23', '否 no', '是 yes']);
    expect(rows).toHaveLength(1 + 3);
  });
});

describe('contractor statement', () => {
  test('per organisation and month: work by service and stage, quality, satisfaction, rectification, sign-off', async () => {
    const wb = await xlsxOf('contractor');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2026-03 帮办服务公司', '2026-03 区政务服务局']);
    const values = (ws: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      ws.eachRow({ includeEmpty: false }, (row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const contractor = values(wb.worksheets[0]!);
    expect(contractor[1]).toEqual(['单位 Organisation: 帮办服务公司 Helper Services Ltd']);
    // Helper: T1 pre-review (handed on, 10 min wait, within), T4 food (served, 20 min > 10, accepted).
    expect(contractor).toContainEqual(['BIZ-01 企业设立登记', '1 预审', 1, 0, 1, 0, 100]);
    expect(contractor).toContainEqual(['SGL-01 食品经营许可', '1 办理', 1, 1, 0, 0, 0, 100]);
    expect(contractor).toContainEqual(['合计 Total', undefined, 2, 1, 1, 0, 50, 100]);
    expect(contractor).toContainEqual(['满意率(%) Satisfaction (%)', 100]);
    const gov = values(wb.worksheets[1]!);
    // Officer: T1 acceptance (540 s wait), T2 (3300 s), T3 no-show (600 s vs 600): within 2 of 3; accepted 1 of 2.
    expect(gov).toContainEqual(['合计 Total', undefined, 3, 2, 0, 1, 66.7, 50]);
    expect(gov).toContainEqual(['差评数 Bad ratings', 1]);
    expect(gov).toContainEqual(['整改率(%) Rectification rate (%)', 100]);
    expect(gov.some((r) => String(r[0]).startsWith('发包单位审核 Contract owner'))).toBe(true);
  });

  test('the CSV carries the same statement, sheets one after another', async () => {
    const { rows } = await csvOf('contractor');
    expect(rows[0]).toEqual(['服务结算月报 Monthly service statement']);
    expect(rows.filter((r) => r[0] === '合计 Total').map((r) => r.slice(2))).toEqual([['2', '1', '1', '0', '50', '100'], ['3', '2', '0', '1', '66.7', '50']]);
  });
});

describe('provincial 好差评 export', () => {
  test('documented JSON: every rating with level names, reason and follow-up steps', () => {
    const doc = haochapingExport(input(), '2026-04-01T00:00:00.000Z');
    expect(doc).toMatchObject({ format: 'hallq.haochaping', version: 1, period: { from: MON, to: TUE } });
    expect(doc.summary).toMatchObject({ count: 3, bad: 1, rectified: 1, rectificationRate: 1, satisfiedShare: 2 / 3 });
    const bad = doc.ratings.find((r) => r.ticketNumber === 'A002')!;
    expect(bad).toMatchObject({
      level: 5, levelName: { zh: '非常不满意', en: 'Very dissatisfied' }, bad: true, reason: REASON, windowNumber: 1, channel: 'rating-pad',
      service: { id: 'reg', code: 'BIZ-01' }, staff: { id: 's-off', organisationId: 'gov' },
      followUp: { id: 'fu1', status: 'closed', rectified: true, closedAt: '2026-03-05T02:00:00.000Z' },
    });
    expect(bad.followUp!.steps.map((s) => s.action)).toEqual(['assign', 'call_back', 'rectify', 'review', 'close']);
    expect(doc.ratings.find((r) => r.ticketNumber === 'A001')!.followUp).toBeNull();
  });
});

describe('XLSX text', () => {
  test('text XML cannot hold (controls, U+FFFE, U+FFFF, lone surrogates), as a visitor may type in a rating reason, is left out: the workbook stays readable', async () => {
    const reason = 'a\u0000\u0001\u000b\u001f\ufffe\uffff\ud800b\udc00c\tline\nnext 𐏿 é';
    const bytes = await toXlsx({ fileName: 'x', sheets: [{ name: '评价 Ratings', preamble: [[reason]], columns: [{ key: 'r', zh: '原因', en: 'Reason', format: 'text' }], rows: [[reason]], footer: [] }] });
    const sheetXml = await sheetXmlOf(bytes);
    // eslint-disable-next-line no-control-regex
    expect(sheetXml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ufffd]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('abc\tline\nnext 𐏿 é');
    expect(wb.worksheets[0]!.getRow(4).getCell(1).value).toBe('abc\tline\nnext 𐏿 é');
  });
});

describe('XLSX size limits', () => {
  test('a table longer than a sheet holds continues on the next sheet, nothing lost', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [i]);
    const bytes = await toXlsx({ fileName: 'x', sheets: [{ name: '票号明细 Tickets', preamble: [], columns: [{ key: 'n', zh: '序号', en: 'No.', format: 'int' }], rows, footer: [] }] }, 2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['票号明细 Tickets', '票号明细 Tickets (2)', '票号明细 Tickets (3)']);
    expect(wb.worksheets.map((w) => w.getColumn(1).values.slice(2))).toEqual([[0, 1], [2, 3], [4]]);
  });
});
