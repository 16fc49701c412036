import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_GAP_MS, CommandQueue, type Tx } from './command-queue';
import { WalSyncThread, type Durability } from './wal-sync';

// The write path with its disk flush off the event loop: nobody is answered before the flush,
// the next batch gathers meanwhile and runs after it, in order, and a failed flush is fatal
// without anyone being told of the change.

/** A flush the test completes by hand. */
class HeldFlush implements Durability {
  calls: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  sync(): Promise<void> {
    return new Promise((resolve, reject) => this.calls.push({ resolve, reject }));
  }
  async close(): Promise<void> {}
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function openDb(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-queue-'));
  const db = new Database(path.join(dir, 'q.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  return db;
}

const insert = (v: string) => (tx: Tx): string => {
  tx.db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
  return v;
};
const rows = (db: Database.Database): string[] => (db.prepare('SELECT v FROM t ORDER BY id').all() as Array<{ v: string }>).map((r) => r.v);

describe('CommandQueue with the disk flush on its own thread', () => {
  test('answers only after the flush; the event loop and the next batch go on meanwhile, in order', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const published: string[][] = [];
    const queue = new CommandQueue(db, (committed) => published.push(committed.map((tx) => tx.events.length.toString())), { durability: flush });
    const answered: string[] = [];
    const first = [queue.run(insert('a')), queue.run(insert('b'))].map((p) => p.then((v) => answered.push(v)));
    await turn();
    // Committed (the connection sees it) and the flush asked for, but nobody told yet.
    expect(rows(db)).toEqual(['a', 'b']);
    expect(flush.calls).toHaveLength(1);
    expect(published).toHaveLength(0);
    expect(queue.unflushed).toBe(true);
    // The event loop is free: more commands gather, but do not run before the flush.
    // What had been answered when the next batch ran.
    const answeredBefore: string[][] = [];
    const c = (tx: Tx): string => {
      answeredBefore.push([...answered]);
      return insert('c')(tx);
    };
    const second = [queue.run(c), queue.run(insert('d'))].map((p) => p.then((v) => answered.push(v)));
    await turn();
    await turn();
    expect(rows(db)).toEqual(['a', 'b']);
    expect(answered).toEqual([]);
    // The connection is back to synchronous=FULL between batches (every other write stays FULL).
    expect(db.pragma('synchronous', { simple: true })).toBe(2);

    flush.calls[0]!.resolve();
    await Promise.all(first);
    expect(answered).toEqual(['a', 'b']);
    expect(published).toHaveLength(1);
    // The batch that gathered runs next, once the first batch's callers have their answers (it
    // does not hold them back while it runs and commits), and waits for its own flush.
    await turn();
    expect(rows(db)).toEqual(['a', 'b', 'c', 'd']);
    expect(answeredBefore).toEqual([['a', 'b']]);
    expect(flush.calls).toHaveLength(2);
    flush.calls[1]!.resolve();
    await Promise.all(second);
    expect(answered).toEqual(['a', 'b', 'c', 'd']);
    expect(published).toHaveLength(2);
    expect(queue.unflushed).toBe(false);
    await queue.close();
    db.close();
  });

  test('a batch that wrote nothing is answered without a flush', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const queue = new CommandQueue(db, () => undefined, { durability: flush });
    await expect(queue.run(() => 'read only')).resolves.toBe('read only');
    const failing = queue.run(() => {
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    expect(flush.calls).toHaveLength(0);
    await queue.close();
    db.close();
  });

  test('counts as busy while commands wait, while a batch is flushed, and for a moment after a batch ran', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const queue = new CommandQueue(db, () => undefined, { durability: flush });
    let now = 1_000;
    const clock = jest.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      expect(queue.busy).toBe(false);
      const done = queue.run(insert('a'));
      expect(queue.busy).toBe(true); // waiting to run
      await turn();
      expect(queue.unflushed).toBe(true);
      now += 10 * BUSY_GAP_MS;
      expect(queue.busy).toBe(true); // its flush is under way
      flush.calls[0]!.resolve();
      await done;
      now += BUSY_GAP_MS / 2;
      expect(queue.busy).toBe(false); // the batch ran long ago (its flush took long)
      const second = queue.run(insert('b'));
      await turn();
      flush.calls[1]!.resolve();
      await second;
      expect(queue.busy).toBe(true); // it ran just now: the next may be on its way
      now += BUSY_GAP_MS;
      expect(queue.busy).toBe(false);
    } finally {
      clock.mockRestore();
    }
    await queue.close();
    db.close();
  });

  test('a failed flush refuses the batch and every later command, tells nobody and stops the server', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const published: number[] = [];
    const fatal: Error[] = [];
    const queue = new CommandQueue(db, (committed) => published.push(committed.length), { durability: flush, onFatal: (e) => fatal.push(e) });
    const first = queue.run(insert('a'));
    await turn();
    const waiting = queue.run(insert('b'));
    flush.calls[0]!.reject(new Error('EIO'));
    await expect(first).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('EIO') });
    await expect(waiting).rejects.toMatchObject({ code: 'internal' });
    await expect(queue.run(insert('c'))).rejects.toMatchObject({ code: 'internal' });
    // The mirror and the clients never learnt of the change; the waiting command never ran.
    expect(published).toEqual([]);
    expect(rows(db)).toEqual(['a']);
    expect(fatal.map((e) => e.message)).toEqual(['EIO']);
    expect(flush.calls).toHaveLength(1);
    await queue.close();
    db.close();
  });

  test('close runs what is queued and waits for its flush', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const queue = new CommandQueue(db, () => undefined, { durability: flush });
    const a = queue.run(insert('a'));
    const closed = queue.close();
    await expect(queue.run(insert('b'))).rejects.toThrow('closed');
    expect(flush.calls).toHaveLength(1);
    flush.calls[0]!.resolve();
    await closed;
    await expect(a).resolves.toBe('a');
    expect(rows(db)).toEqual(['a']);
    db.close();
  });
});

describe('WalSyncThread', () => {
  test('flushes the WAL file on its own thread', async () => {
    const db = openDb();
    const thread = new WalSyncThread(db);
    const queue = new CommandQueue(db, () => undefined, { durability: thread });
    const batches: Array<Tx['batch']> = [];
    const noted = (v: string) => (tx: Tx): string => {
      batches.push(tx.batch);
      return insert(v)(tx);
    };
    await Promise.all([queue.run(noted('a')), queue.run(noted('b'))]);
    await queue.run(noted('c'));
    expect(thread.syncs).toBe(2);
    // Each batch keeps the disk's own fsync time, measured on the thread, within its flush.
    expect(new Set(batches).size).toBe(2);
    for (const b of batches) {
      expect(b.fsyncMs).toBeGreaterThanOrEqual(0);
      expect(b.fsyncMs!).toBeLessThanOrEqual(b.durableAt! - b.committedAt! + 0.002);
    }
    await queue.close();
    await expect(thread.sync()).rejects.toThrow('closed');
    db.close();
  });

  test('leaves the checkpoints to a thread with its own connection', async () => {
    const db = openDb();
    const thread = new WalSyncThread(db);
    const queue = new CommandQueue(db, () => undefined, { durability: thread });
    const before = fs.statSync(db.name).size;
    await Promise.all(Array.from({ length: 50 }, (_, i) => queue.run(insert(`row ${i}`))));
    // The writer no longer checkpoints inside its COMMITs...
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // ...the other thread copies the WAL into the database file (bounded wait).
    for (let i = 0; i < 300 && fs.statSync(db.name).size === before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(db.name).size).toBeGreaterThan(before);
    await queue.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(rows(db)).toHaveLength(50);
    db.close();
  }, 30_000);

  test('a flush that cannot be done is refused, and so is every later one', async () => {
    const thread = new WalSyncThread({ name: path.join(os.tmpdir(), 'hallq-no-such-dir', 'x.sqlite'), pragma: () => undefined });
    await expect(thread.sync()).rejects.toThrow('flushing the database to disk failed');
    await expect(thread.sync()).rejects.toThrow('flushing the database to disk failed');
    await thread.close();
  });
});

describe('CommandQueue: commands that write nothing themselves', () => {
  test('run without a savepoint; the batch hook writes for them; one that throws fails alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-queue-'));
    const statements: string[] = [];
    const db = new Database(path.join(dir, 'q.sqlite'), { verbose: (sql) => statements.push(String(sql)) });
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const queue = new CommandQueue(db, () => undefined);
    // Each command only notes its value; one hook per batch writes them all.
    const later = (v: string, fail = false) => (tx: Tx): string => {
      if (fail) throw new Error(`refused ${v}`);
      const noted = ((tx.batch as unknown as { noted?: string[] }).noted ??= []);
      noted.push(v);
      tx.batch.beforeCommit.set('write', () => {
        for (const x of noted) db.prepare('INSERT INTO t (v) VALUES (?)').run(x);
      });
      return v;
    };
    const results = await Promise.allSettled([
      queue.run(later('a'), { savepoint: false }),
      queue.run(later('b', true), { savepoint: false }),
      queue.run(insert('c')),
      queue.run(later('d'), { savepoint: false }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(rows(db)).toEqual(['c', 'a', 'd']);
    // Only the command that writes itself ran inside a savepoint.
    expect(statements.filter((s) => s === 'SAVEPOINT command')).toHaveLength(1);
    await queue.close();
    db.close();
  });
});
