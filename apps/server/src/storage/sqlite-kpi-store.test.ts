// The KPI contract (packages/shared) on the hall's SQLite database, and the hall's own in-memory
// computation (GET /halls/:hallId/stats) on the same log: all three give the hand-worked figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KPI_CONTRACT_CASES, kpiContractHalls, kpiStats } from '@hallq/shared';
import { computeStats, UNKNOWN_ORGANISATION } from '../services/stats/compute-stats';
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
    for (const s of h.services) {
      db.prepare('INSERT INTO services (id, hall_id, doc) VALUES (?, ?, ?)').run(s.serviceId, h.hallId, JSON.stringify({ id: s.serviceId, waitTargetSeconds: s.waitTargetSeconds, moduleId: s.moduleId }));
    }
    for (const m of h.staff) {
      db.prepare("INSERT INTO staff (id, hall_id, username, doc, password_hash) VALUES (?, ?, ?, ?, 'x')").run(m.staffId, h.hallId, `${h.hallId}-${m.staffId}`, JSON.stringify({ id: m.staffId, organisationId: m.organisationId }));
    }
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
      const { from: _f, to: _t, hallId: _h, byHall, byService, byModule, byWindow, byStaff, byOrganisation, byHour, byDate: _d, arrivals, ...total } = stats;
      expect(total).toEqual(c.total);
      const got = { byHall, byService, byModule, byWindow, byStaff, byOrganisation, byHour, arrivals };
      for (const key of Object.keys(got) as Array<keyof typeof got>) if (c[key]) expect([key, got[key]]).toEqual([key, c[key]]);
    });
  }
});

/** The hall's in-memory computation of one hall's case, with the hall's catalogue. */
function inMemory(c: (typeof KPI_CONTRACT_CASES)[number]) {
  const hall = halls.find((h) => h.hallId === c.range.hallId)!;
  const { start, end } = boundsOf(c.range.from, c.range.to, hall.timezone);
  return computeStats(hall.events, {
    timeZone: hall.timezone, from: c.range.from, to: c.range.to, start, end, now: c.range.now!,
    waitTargetSeconds: hall.waitTargetSeconds,
    services: new Map(hall.services.map((s) => [s.serviceId, { moduleId: s.moduleId ?? UNKNOWN_ORGANISATION, waitTargetSeconds: s.waitTargetSeconds }])),
    staffOrganisation: new Map(hall.staff.map((m) => [m.staffId, m.organisationId])),
  });
}

const withoutHall = <T extends { hallId: string }>(rows: T[] | undefined) => rows?.map(({ hallId: _h, ...row }) => row);

test('the hall\'s own stats computation gives the contract figures of each hall', () => {
  for (const c of KPI_CONTRACT_CASES.filter((x) => x.range.hallId !== null)) {
    const stats = inMemory(c);
    const { issued, served, noShow, cancelled, transferred, waitSeconds, withinTargetShare, serviceSeconds, firstTimeAcceptedShare, ratings } = stats;
    expect({ issued, served, noShow, cancelled, transferred, waitSeconds, withinTargetShare, serviceSeconds, firstTimeAcceptedShare, ratings }).toEqual(c.total);
    const want = {
      byService: withoutHall(c.byService), byModule: withoutHall(c.byModule), byWindow: withoutHall(c.byWindow),
      byStaff: withoutHall(c.byStaff), byOrganisation: withoutHall(c.byOrganisation), arrivals: c.arrivals,
    };
    for (const key of Object.keys(want) as Array<keyof typeof want>) if (want[key]) expect([c.name, key, stats[key]]).toEqual([c.name, key, want[key]]);
  }
});
