// The 好差评 follow-up end to end: a bad rating opens it with a deadline of 15 working days,
// the supervisor takes it through assign, call back, rectify, review, close; a fake clock crosses
// the deadline on the way, which makes it overdue until it is closed.
import { FakeClock } from '../test-support/fake-clock';
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('follow-up of a bad rating', () => {
  let s: TestServer;
  let sup: string;
  const post = (path: string, token: string, body?: unknown) => s.api('POST', path, { token, body });
  const list = (query = '') => s.api('GET', `/halls/demo/follow-ups${query}`, { token: sup });

  async function servedAndRated(level: number, reason: string): Promise<string> {
    const w1 = await s.login('w01');
    await post('/windows/win-1/sign-in', w1);
    const t = (await post('/halls/demo/tickets', s.deviceToken('kiosk'), { serviceId: 'svc-food' })).body.ticket;
    await post('/windows/win-1/call-next', w1);
    await post(`/tickets/${t.id}/start`, w1);
    s.clock.advance(120);
    await post(`/tickets/${t.id}/complete`, w1, { firstTimeAccepted: false });
    const rated = await post(`/tickets/${t.id}/rating`, s.deviceToken('rating-pad'), { level, reason });
    expect(rated.status).toBe(201);
    return rated.body.rating.followUpId as string;
  }

  beforeAll(async () => {
    s = await startTestServer({ clock: new FakeClock(Date.parse('2026-01-05T02:00:00Z')) }); // Monday 10:00 in Shanghai
  });
  afterAll(() => s.close());

  test('opens with a deadline 15 working days on, then goes step by step, overdue once the deadline has passed', async () => {
    const id = await servedAndRated(4, '等候时间太长');
    sup = await s.login('super');
    let r = await list();
    expect(r.status).toBe(200);
    // Mon 5 Jan + 15 working days (weekends skipped) = Mon 26 Jan
    expect(r.body.followUps).toEqual([expect.objectContaining({ id, level: 4, reason: '等候时间太长', status: 'open', deadline: '2026-01-26', overdue: false, steps: [] })]);

    // Out of order or incomplete: refused, nothing recorded
    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'close', note: 'x' })).body.error.code).toBe('invalid_transition');
    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'assign' })).status).toBe(400);
    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'assign', assignee: 'nobody' })).status).toBe(400);
    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'call_back' })).status).toBe(400); // a note is needed
    expect((await post('/follow-ups/fu-nope/steps', sup, { action: 'review', note: 'x' })).status).toBe(404);
    expect((await list()).body.followUps[0].steps).toEqual([]);

    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'assign', assignee: 'staff-super' })).body.followUp.status).toBe('assigned');
    s.clock.advance(3600);
    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'call_back', note: '已回访，群众反映高峰期等候久' })).body.followUp.status).toBe('called_back');

    // The deadline passes: Tue 27 Jan, 10:00 local
    s.clock.set('2026-01-27T02:00:00Z');
    sup = await s.login('super');
    r = await list('?status=overdue');
    expect(r.body.followUps.map((f: { id: string }) => f.id)).toEqual([id]);
    expect(r.body.summary).toMatchObject({ total: 1, active: 1, overdue: 1 });
    const kpi = await s.api('GET', '/halls/demo/stats?from=2026-01-05&to=2026-01-05', { token: sup });
    expect(kpi.body.followUps).toMatchObject({ opened: 1, closed: 0, overdue: 1, rectificationRate: 0 });

    await post(`/follow-ups/${id}/steps`, sup, { action: 'rectify', note: '高峰期增开 2 个窗口' });
    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'rectify', note: 'again' })).status).toBe(409);
    await post(`/follow-ups/${id}/steps`, sup, { action: 'review', note: '复核：等候已降至 30 分钟内' });
    const closed = await post(`/follow-ups/${id}/steps`, sup, { action: 'close', note: '办结' });
    expect(closed.status).toBe(201);
    expect(closed.body.followUp).toMatchObject({ status: 'closed', rectified: true, overdue: false, closedAt: '2026-01-27T02:00:00.000Z' });
    expect(closed.body.followUp.steps.map((st: { action: string; actorId: string; at: string }) => [st.action, st.actorId, st.at])).toEqual([
      ['assign', 'staff-super', '2026-01-05T02:02:00.000Z'],
      ['call_back', 'staff-super', '2026-01-05T03:02:00.000Z'],
      ['rectify', 'staff-super', '2026-01-27T02:00:00.000Z'],
      ['review', 'staff-super', '2026-01-27T02:00:00.000Z'],
      ['close', 'staff-super', '2026-01-27T02:00:00.000Z'],
    ]);
    expect((await post(`/follow-ups/${id}/steps`, sup, { action: 'assign', assignee: 'staff-super' })).status).toBe(409);
    expect((await list('?status=overdue')).body.followUps).toEqual([]);
  });

  test('the rectification rate counts follow-ups closed after a reviewed rectification over bad ratings', async () => {
    s.clock.set('2026-01-05T05:00:00Z');
    const id = await servedAndRated(5, '态度不好');
    sup = await s.login('super');
    await post(`/follow-ups/${id}/steps`, sup, { action: 'assign', assignee: 'staff-w01' });
    await post(`/follow-ups/${id}/steps`, sup, { action: 'call_back', note: '解释政策，群众表示理解' });
    const closed = await post(`/follow-ups/${id}/steps`, sup, { action: 'close', note: '无需整改' });
    expect(closed.body.followUp).toMatchObject({ status: 'closed', rectified: false });
    const kpi = await s.api('GET', '/halls/demo/stats?from=2026-01-05&to=2026-01-05', { token: sup });
    expect(kpi.body.ratings.bad).toBe(2);
    expect(kpi.body.followUps).toMatchObject({ opened: 2, closed: 2, closedInTime: 1, rectified: 1, overdue: 0, rectificationRate: 0.5 });
  });

  test('only supervisors and admins', async () => {
    const w1 = await s.login('w01');
    expect((await s.api('GET', '/halls/demo/follow-ups', { token: w1 })).status).toBe(403);
    expect((await post('/follow-ups/x/steps', w1, { action: 'review', note: 'x' })).status).toBe(403);
    expect((await s.api('GET', '/halls/other/follow-ups', { token: sup })).status).toBe(404);
  });
});
