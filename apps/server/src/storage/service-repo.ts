// Services (catalogue entries) with their learned mean service time.
import type { Service } from '@hallq/shared';
import type { Db } from './db';

export interface StoredService extends Service {
  hallId: string;
  /** Learned mean service seconds; null until the first completed service. */
  learnedServiceSeconds: number | null;
}

interface Row {
  id: string;
  hall_id: string;
  doc: string;
  learned_service_seconds: number | null;
}

const toService = (r: Row): StoredService => ({
  ...(JSON.parse(r.doc) as Omit<Service, 'id'>),
  id: r.id,
  hallId: r.hall_id,
  learnedServiceSeconds: r.learned_service_seconds,
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
  softDelete(hallId: string, id: string): boolean {
    return this.db.prepare('UPDATE services SET deleted = 1 WHERE id = ? AND hall_id = ? AND deleted = 0').run(id, hallId).changes === 1;
  }
  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM services WHERE id = ?').get(id) !== undefined;
  }
}
