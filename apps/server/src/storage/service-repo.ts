// Services (catalogue entries) with their learned mean service time.
import type { Service } from '@hallq/shared';
import type { Db } from './db';

export interface StoredService extends Service {
  hallId: string;
  /** Learned mean service seconds; null until the first completed service. */
  learnedServiceSeconds: number | null;
  /** Learned share of called visitors who never came; null until learned. */
  learnedNoShowShare: number | null;
}

/** Learned mean and mean square of one stage's service times (seconds). */
export interface StoredStageTimes {
  serviceId: string;
  stage: number;
  mean: number;
  square: number;
}

/** What a hall's finished visits say, for a service with nothing learned yet. */
export interface HistoryLearning {
  stageTimes: StoredStageTimes[];
  /** Per service: share of no-shows among the visitors called at its first stage. */
  noShowShare: Map<string, number>;
}

/** Visits read from the history when nothing is learned yet, and the fewest that count. */
const HISTORY_VISITS = 5000;
const HISTORY_MIN_VISITS = 20;

interface Row {
  id: string;
  hall_id: string;
  doc: string;
  learned_service_seconds: number | null;
  learned_no_show_share: number | null;
}

const toService = (r: Row): StoredService => ({
  ...(JSON.parse(r.doc) as Omit<Service, 'id'>),
  id: r.id,
  hallId: r.hall_id,
  learnedServiceSeconds: r.learned_service_seconds,
  learnedNoShowShare: r.learned_no_show_share ?? null,
});

export class ServiceRepo {
  constructor(private readonly db: Db) {}

  listOfHall(hallId: string): StoredService[] {
    return (this.db.prepare('SELECT * FROM services WHERE hall_id = ? AND deleted = 0 ORDER BY rowid').all(hallId) as Row[]).map(toService);
  }
  get(hallId: string, id: string): StoredService | null {
    const r = this.db.prepare('SELECT * FROM services WHERE id = ? AND hall_id = ? AND deleted = 0').get(id, hallId) as Row | undefined;
    return r ? toService(r) : null;
  }
  put(hallId: string, s: Service): void {
    const { id, ...doc } = s;
    this.db
      .prepare('INSERT INTO services (id, hall_id, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc')
      .run(id, hallId, JSON.stringify(doc));
  }
  setLearnedSeconds(id: string, seconds: number): void {
    this.db.prepare('UPDATE services SET learned_service_seconds = ? WHERE id = ?').run(seconds, id);
  }
  setLearnedNoShowShare(id: string, share: number): void {
    this.db.prepare('UPDATE services SET learned_no_show_share = ? WHERE id = ?').run(share, id);
  }
  stageTimesOfHall(hallId: string): StoredStageTimes[] {
    return (
      this.db
        .prepare('SELECT t.service_id AS serviceId, t.stage, t.mean_seconds AS mean, t.mean_square AS square FROM service_stage_times t JOIN services s ON s.id = t.service_id WHERE s.hall_id = ?')
        .all(hallId) as StoredStageTimes[]
    );
  }
  stageTimes(serviceId: string, stage: number): StoredStageTimes | null {
    const r = this.db
      .prepare('SELECT service_id AS serviceId, stage, mean_seconds AS mean, mean_square AS square FROM service_stage_times WHERE service_id = ? AND stage = ?')
      .get(serviceId, stage) as StoredStageTimes | undefined;
    return r ?? null;
  }
  putStageTimes(t: StoredStageTimes): void {
    this.db
      .prepare('INSERT INTO service_stage_times (service_id, stage, mean_seconds, mean_square) VALUES (?, ?, ?, ?) ON CONFLICT (service_id, stage) DO UPDATE SET mean_seconds = excluded.mean_seconds, mean_square = excluded.mean_square')
      .run(t.serviceId, t.stage, t.mean, t.square);
  }
  /**
   * The hall's latest finished visits (service times clipped as the learning clips them): per
   * service and stage the mean and mean square of their service times, and per service the share
   * of no-shows among those called. Only figures from at least 20 visits are given.
   */
  learningFromHistory(hallId: string): HistoryLearning {
    const times = this.db
      .prepare(
        `SELECT service_id AS serviceId, stage, AVG(x) AS mean, AVG(x * x) AS square, COUNT(*) AS n FROM (
           SELECT service_id, stage, MIN(14400.0, MAX(10.0, (finished_at - started_at) / 1000.0)) AS x FROM tickets
           WHERE hall_id = ? AND status = 'done' AND started_at IS NOT NULL AND finished_at IS NOT NULL
           ORDER BY finished_at DESC LIMIT ?
         ) GROUP BY service_id, stage HAVING n >= ?`,
      )
      .all(hallId, HISTORY_VISITS, HISTORY_MIN_VISITS) as Array<StoredStageTimes & { n: number }>;
    const shares = this.db
      .prepare(
        `SELECT service_id AS serviceId, AVG(CASE WHEN status = 'no_show' THEN 1.0 ELSE 0.0 END) AS share, COUNT(*) AS n FROM (
           SELECT service_id, status FROM tickets WHERE hall_id = ? AND status IN ('done', 'no_show') AND finished_at IS NOT NULL
           ORDER BY finished_at DESC LIMIT ?
         ) GROUP BY service_id HAVING n >= ?`,
      )
      .all(hallId, HISTORY_VISITS, HISTORY_MIN_VISITS) as Array<{ serviceId: string; share: number }>;
    return {
      stageTimes: times.map(({ serviceId, stage, mean, square }) => ({ serviceId, stage, mean, square })),
      noShowShare: new Map(shares.map((s) => [s.serviceId, s.share])),
    };
  }
  softDelete(hallId: string, id: string): boolean {
    return this.db.prepare('UPDATE services SET deleted = 1 WHERE id = ? AND hall_id = ? AND deleted = 0').run(id, hallId).changes === 1;
  }
  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM services WHERE id = ?').get(id) !== undefined;
  }
}
