// The KPI contract (packages/shared) on PostgreSQL: the hub's figures equal the hand-worked ones,
// as the hall's SQLite store and its in-memory computation must: totals and every breakdown.
import { KPI_CONTRACT_CASES, kpiContractHalls, kpiStats } from '@hallq/shared';
import { Pool } from 'pg';
import { createTestDatabase, describeWithDatabases, type TestDatabase } from '../test-support/databases';
import { migrate } from './db';
import { ingestBatch } from '../services/ingest';
import { PostgresKpiStore } from './pg-kpi-store';

describeWithDatabases('KPI contract on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  const halls = kpiContractHalls();

  beforeAll(async () => {
    db = await createTestDatabase('hub_kpi');
    pool = new Pool({ connectionString: db.url, max: 3 });
    await migrate(pool);
    for (const h of halls) {
      await pool.query("INSERT INTO halls (id, name, token_hash, created_at) VALUES ($1, $1, $1, 0)", [h.hallId]);
      // Through the real ingest, in two batches, with the hall's catalogue.
      const hall = {
        timezone: h.timezone, waitTargetSeconds: h.waitTargetSeconds,
        services: h.services.map((s) => ({ id: s.serviceId, name: {}, waitTargetSeconds: s.waitTargetSeconds, moduleId: s.moduleId })),
      };
      const half = Math.ceil(h.events.length / 2);
      await ingestBatch(pool, h.hallId, { events: h.events.slice(0, half) as never, hall }, 0);
      await ingestBatch(pool, h.hallId, { events: h.events.slice(half) as never }, 0);
    }
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  for (const c of KPI_CONTRACT_CASES) {
    test(c.name, async () => {
      const stats = await kpiStats(new PostgresKpiStore(pool), c.range, halls.map((h) => h.hallId));
      const { from: _f, to: _t, hallId: _h, byHall, byService, byModule, byWindow, byStaff, byOrganisation, byHour, byDate: _d, arrivals, ...total } = stats;
      expect(total).toEqual(c.total);
      const got = { byHall, byService, byModule, byWindow, byStaff, byOrganisation, byHour, arrivals };
      for (const key of Object.keys(got) as Array<keyof typeof got>) if (c[key]) expect([key, got[key]]).toEqual([key, c[key]]);
    });
  }
});
