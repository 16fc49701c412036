import ExcelJS from 'exceljs';
import { parseCsv } from '../services/reports/csv-parse.test-util';
import { startTestServer, type TestServer } from '../test-support/test-server';

// The fake clock starts on Monday 2026-01-05 at 10:00 in Asia/Shanghai (02:00Z).
const DAY = 'from=2026-01-05&to=2026-01-05';

describe('reports over HTTP, from tickets driven through the API', () => {
  let s: TestServer;
  let supervisor: string;
  let officer: string;

  const post = async (path: string, token: string, body?: unknown) => {
    const r = await s.api('POST', path, { token, body });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const download = async (file: string, query = DAY, token = supervisor) => {
    const res = await fetch(`${s.base}/api/v1/halls/demo/reports/${file}?${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    s = await startTestServer();
    const kiosk = s.deviceToken('kiosk');
    const pad = s.deviceToken('rating-pad');
    supervisor = await s.login('super');
    officer = await s.login('w01');
    const helper = await s.login('w03');
    await post('/windows/win-3/sign-in', helper);
    await post('/windows/win-1/sign-in', officer);

    // A001: pre-review by the contractor's helper (10 min wait), acceptance by an officer, rated 5.
    const reg = (await post('/halls/demo/tickets', kiosk, { serviceId: 'svc-reg' })).ticket;
    s.clock.advance(600);
    await post('/windows/win-3/call-next', helper);
    await post(`/tickets/${reg.id}/start`, helper);
    s.clock.advance(300);
    await post(`/tickets/${reg.id}/transfer`, helper, { serviceId: 'svc-reg', stage: 1 });
    s.clock.advance(120);
    await post('/windows/win-1/call-next', officer);
    await post(`/tickets/${reg.id}/start`, officer);
    s.clock.advance(600);
    await post(`/tickets/${reg.id}/complete`, officer, { firstTimeAccepted: true });
    await post(`/tickets/${reg.id}/rating`, pad, { level: 5, reason: '等候太久, 态度"一般"' });
    // D001: called after 5 minutes, then a no-show.
    const food = (await post('/halls/demo/tickets', kiosk, { serviceId: 'svc-food' })).ticket;
    s.clock.advance(300);
    expect((await post('/windows/win-1/call-next', officer)).ticket.id).toBe(food.id);
    await post(`/tickets/${food.id}/recall`, officer); // a no-show within the grace time needs one recall
    await post(`/tickets/${food.id}/no-show`, officer);
  });
  afterAll(() => s.close());

  test('daily.csv: BOM, bilingual headers, the day and the total, as a download', async () => {
    const r = await download('daily.csv');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/csv; charset=utf-8');
    expect(r.disposition).toBe('attachment; filename="daily-2026-01-05-2026-01-05.csv"');
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(r.bytes.toString('utf8'));
    expect(rows[0]!.slice(0, 3)).toEqual(['日期 Date', '取号数 Issued', '办结数 Served']);
    // Issued 2, served 1, no-show 1; waits 10 and 5 minutes -> mean 7.5; both within the 40-minute target.
    expect(rows[1]!.slice(0, 9)).toEqual(['2026-01-05', '2', '1', '1', '0', '7.5', '10', '10', '100']);
    expect(rows[2]![0]).toBe('合计 Total');
  });

  test('tickets.xlsx reads back with one row per ticket and local times', async () => {
    const r = await download('tickets.xlsx');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('票号 Number');
    expect(ws.getRow(2).getCell(2).value).toBe('A001');
    expect(ws.getRow(2).getCell(6).value).toBe('2026-01-05 10:00:00');
    expect(ws.getRow(2).getCell(9).value).toBe('3 > 1');
    expect(ws.getRow(3).getCell(11).value).toBe('过号 no-show');
  });

  test('ratings.csv carries the reason and the follow-up the bad rating opened', async () => {
    const rows = parseCsv((await download('ratings.csv')).bytes.toString('utf8'));
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(7)).toEqual(['5', '非常不满意 Very dissatisfied', '是 yes', '等候太久, 态度"一般"', '待处理 open', '2026-01-26', '否 no', '否 no']);
  });

  test('contractor.xlsx: a statement per organisation with the sign-off block', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('contractor.xlsx')).bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2026-01 帮办服务公司', '2026-01 区政务服务局']);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => texts.push((row.values as unknown[]).slice(1).join('|')));
    expect(texts).toContain('BIZ-01 企业设立登记|1 预审|1|0|1|0|100');
    expect(texts.some((t) => t.startsWith('服务单位确认 Contractor'))).toBe(true);
  });

  test('haochaping.json: the documented upload format', async () => {
    const r = await s.api('GET', `/halls/demo/reports/haochaping.json?${DAY}`, { token: supervisor });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: 'hallq.haochaping', version: 1, hall: { id: 'demo', timezone: 'Asia/Shanghai' }, summary: { count: 1, bad: 1 } });
    expect(r.body.ratings[0]).toMatchObject({
      ticketNumber: 'A001', level: 5, bad: true, reason: '等候太久, 态度"一般"', windowNumber: 1, channel: 'rating-pad',
      followUp: { status: 'open', deadline: '2026-01-26', rectified: false, steps: [] },
    });
  });

  test('unknown kinds and formats are 404; bad dates 400; counter staff 403; no token 401', async () => {
    expect((await download('weekly.csv')).status).toBe(404);
    expect((await download('daily.pdf')).status).toBe(404);
    expect((await download('ratings.json')).status).toBe(404);
    expect((await download('daily.csv', 'from=2026-01-06&to=2026-01-05')).status).toBe(400);
    expect((await download('daily.csv', 'from=2026-02-30&to=2026-03-01')).status).toBe(400);
    expect((await download('daily.csv', 'from=yesterday&to=2026-01-05')).status).toBe(400);
    expect((await download('daily.csv', DAY, officer)).status).toBe(403);
    expect((await s.api('GET', `/halls/demo/reports/daily.csv?${DAY}`)).status).toBe(401);
    expect((await s.api('GET', `/halls/other/reports/daily.csv?${DAY}`, { token: supervisor })).status).toBe(404);
  });
});
