// Halls, organisations, modules and notices: configuration read and written whole (JSON docs).
import { HALL_VISITOR_DEFAULTS, type Hall, type LocalizedText, type Module, type Notice, type Organisation } from '@hallq/shared';
import type { Db } from './db';

export class HallRepo {
  constructor(private readonly db: Db) {}

  list(): Hall[] {
    return (this.db.prepare('SELECT id, doc FROM halls').all() as Array<{ id: string; doc: string }>).map(
      (r) => ({ ...HALL_VISITOR_DEFAULTS, ...JSON.parse(r.doc), id: r.id }) as Hall,
    );
  }
  get(id: string): Hall | null {
    const r = this.db.prepare('SELECT id, doc FROM halls WHERE id = ?').get(id) as { id: string; doc: string } | undefined;
    return r ? ({ ...HALL_VISITOR_DEFAULTS, ...JSON.parse(r.doc), id: r.id } as Hall) : null;
  }
  put(hall: Hall): void {
    const { id, ...doc } = hall;
    this.db.prepare('INSERT INTO halls (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(id, JSON.stringify(doc));
  }

  organisations(hallId: string): Organisation[] {
    return this.docs('organisations', hallId) as Organisation[];
  }
  putOrganisation(hallId: string, o: Organisation): void {
    this.putDoc('organisations', hallId, o.id, o);
  }
  modules(hallId: string): Module[] {
    return this.docs('modules', hallId) as Module[];
  }
  putModule(hallId: string, m: Module): void {
    this.putDoc('modules', hallId, m.id, m);
  }

  notices(hallId: string): Notice[] {
    return (
      this.db.prepare('SELECT id, doc, created_at FROM notices WHERE hall_id = ? ORDER BY created_at, id').all(hallId) as Array<{
        id: string;
        doc: string;
        created_at: number;
      }>
    ).map((r) => {
      const d = JSON.parse(r.doc) as { text: LocalizedText; active: boolean };
      return { id: r.id, text: d.text, active: d.active, createdAt: new Date(r.created_at).toISOString() };
    });
  }
  putNotice(hallId: string, n: Notice): void {
    this.db
      .prepare('INSERT INTO notices (id, hall_id, doc, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc')
      .run(n.id, hallId, JSON.stringify({ text: n.text, active: n.active }), Date.parse(n.createdAt));
  }
  deleteNotice(hallId: string, id: string): boolean {
    return this.db.prepare('DELETE FROM notices WHERE id = ? AND hall_id = ?').run(id, hallId).changes === 1;
  }

  private docs(table: 'organisations' | 'modules', hallId: string): unknown[] {
    return (this.db.prepare(`SELECT doc FROM ${table} WHERE hall_id = ? ORDER BY rowid`).all(hallId) as Array<{ doc: string }>).map((r) =>
      JSON.parse(r.doc),
    );
  }
  private putDoc(table: 'organisations' | 'modules', hallId: string, id: string, doc: unknown): void {
    this.db
      .prepare(`INSERT INTO ${table} (id, hall_id, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`)
      .run(id, hallId, JSON.stringify(doc));
  }
}
