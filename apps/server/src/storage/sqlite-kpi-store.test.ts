// The KPI contract (packages/shared) on the hall's SQLite database, and the hall's own in-memory
// computation (GET /halls/:hallId/stats) on the same log: all three give the hand-worked figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KPI_CONTRACT_CASES, kpiContractHalls, kpiStats } from '@hallq/shared';
import { computeStats } from '../services/stats/compute-stats';
import { boundsOf } from '../services/stats/local-days';
import { openDatabase, type Db } from './db';
import { SqliteKpiStore } from './sqlite-kpi-store';

const halls = kpiContractHalls();
let db: Db;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-kpi-'));
  db = openDatabase(dir);
  const insertEvent = db.prepare('INSERT INTO events (hall_id, seq, type, at, actor, payload) VALUES (?, ?, ?, ?, ?, ?)');
  for (const h of halls) {
    db.prepare('INSERT INTO halls (id, doc) VALUES (?, ?)').run(h.hallId, JSON.stringify({ id: h.hallId, timezone: h.timezone, waitTargetSeconds: h.waitTargetSeconds }));
    for (const s of h.services) db.prepare('INSERT INTO services (id, hall_id, doc) VALUES (?, ?, ?)').run(s.serviceId, h.hallId, JSON.stringify({ id: s.serviceId, waitTargetSeconds: s.waitTargetSeconds }));
    for (const e of h.events) {
      const { seq, type, at, hallId, actor, ...payload } = e;
      insertEvent.run(hallId, seq, type, Date.parse(at), JSON.stringify(actor), JSON.stringify(payload));
    }
  }
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('KPI contract on SQLite', () => {
  for (const c of KPI_CONTRACT_CASES) {
    test(c.name, async () => {
      const stats = await kpiStats(new SqliteKpiStore(db), c.range, halls.map((h) => h.hallId));
      const { from: _f, to: _t, hallId: _h, byHall, byService, byHour, byDate: _d, ...total } = stats;
      expect(total).toEqual(c.total);
      if (c.byHall) expect(byHall).toEqual(c.byHall);
      if (c.byService) expect(byService).toEqual(c.byService);
      if (c.byHour) expect(byHour).toEqual(c.byHour);
    });
  }
});

test('the hall\'s own stats computation gives the contract figures of each hall', () => {
  for (const c of KPI_CONTRACT_CASES.filter((x) => x.range.hallId !== null)) {
    const hall = halls.find((h) => h.hallId === c.range.hallId)!;
    const { start, end } = boundsOf(c.range.from, c.range.to, hall.timezone);
    const stats = computeStats(hall.events, {
      timeZone: hall.timezone, from: c.range.from, to: c.range.to, start, end, now: end,
      waitTargetSeconds: hall.waitTargetSeconds,
      services: new Map(hall.services.map((s) => [s.serviceId, { moduleId: 'm', waitTargetSeconds: s.waitTargetSeconds }])),
      staffOrganisation: new Map(),
    });
    const { issued, served, noShow, cancelled, transferred, waitSeconds, withinTargetShare, serviceSeconds, firstTimeAcceptedShare, ratings } = stats;
    expect({ issued, served, noShow, cancelled, transferred, waitSeconds, withinTargetShare, serviceSeconds, firstTimeAcceptedShare, ratings }).toEqual(c.total);
    if (c.byService) expect(stats.byService).toEqual(c.byService.map(({ hallId: _h, ...row }) => row));
  }
});
