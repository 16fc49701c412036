// The hall's stats two ways on the same log: the in-memory fold behind GET /halls/:hallId/stats and
// the shared KPI query on the hall's SQLite database (the one the city hub runs on PostgreSQL).
// On the demo hall's generated history (67,000 events: visits, transfers, no-shows, ratings,
// windows opening and closing) they agree on every figure of every breakdown, for a day and a week.
import { kpiStats, type KpiStats } from '@hallq/shared';
import { demoHall } from '../../demo/demo-hall';
import { DEMO_HISTORY_FILE, readDemoHistory } from '../../demo/demo-history';
import { openDatabase, type Db } from '../../storage/db';
import { SqliteKpiStore } from '../../storage/sqlite-kpi-store';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { hallFacts } from './stats-service';

let ts: TestServer;
let db: Db;
let lastDay: string;

beforeAll(async () => {
  ts = await startTestServer({ seed: demoHall, demoHistory: readDemoHistory(DEMO_HISTORY_FILE) });
  db = openDatabase(ts.dataDir);
  lastDay = ((await ts.api('GET', '/halls/demo/demo-history', { token: await ts.login('super') })).body as { after: { to: string } }).after.to;
}, 60_000);
afterAll(async () => {
  db?.close();
  await ts?.close();
});

/** The SQL answer in the hall's shape (its rows carry no hallId). */
function asHallShape(s: KpiStats): Record<string, unknown> {
  const strip = <T extends { hallId: string }>(rows: T[]) => rows.map(({ hallId: _h, ...row }) => row);
  const { hallId: _h, byHall: _b, ...rest } = s;
  return {
    ...rest,
    byService: strip(s.byService), byModule: strip(s.byModule), byWindow: strip(s.byWindow), byStaff: strip(s.byStaff), byOrganisation: strip(s.byOrganisation),
  };
}

test.each([
  ['one day', 0, 0],
  ['a week', 6, 0],
])('%s: the SQL query and the in-memory fold agree on every figure', async (_name, back, forward) => {
  const hall = ts.server.deps.repos.halls.get('demo')!;
  const day = (offset: number) => new Date(Date.parse(`${lastDay}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const from = day(-back);
  const to = day(forward);
  const now = ts.server.deps.clock();
  const memory = hallFacts({ repos: ts.server.deps.repos, hall, from, to, now }).stats;
  const sql = await kpiStats(new SqliteKpiStore(db), { from, to, hallId: 'demo', now }, ['demo']);
  expect(memory.issued).toBeGreaterThan(100);
  const { timezone: _tz, waitTargetSeconds: _wt, ...memoryFigures } = memory;
  expect(asHallShape(sql)).toEqual(memoryFigures);
}, 120_000);
