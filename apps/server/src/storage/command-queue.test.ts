import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { HallEvent } from '@hallq/shared';
import { BUSY_GAP_MS, CommandQueue, MAX_UNPUBLISHED } from './command-queue';
import type { Tx } from './tx';
import { WalSyncThread, type Durability } from './wal-sync';

// The write path with its disk flush off the event loop: nobody is answered before the flush; the
// next batch runs and commits meanwhile (pipelined); batches are published and answered in commit
// order; a failed flush is fatal without anyone being told of any change not yet published.

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
  test('answers only after the flush; the next batch runs and commits meanwhile; publication in commit order', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const log: string[] = [];
    const queue = new CommandQueue(
      db,
      {
        apply: (committed) => {
          const values = committed.map((tx) => (tx as unknown as { v: string }).v).join('');
          log.push(`apply ${values}`);
          return values;
        },
        publish: (_committed, applied: string) => log.push(`publish ${applied}`),
      },
      { durability: flush, depth: 2 },
    );
    const answered: string[] = [];
    const named = (v: string) => (tx: Tx): string => {
      (tx as unknown as { v: string }).v = v;
      return insert(v)(tx);
    };
    const first = [queue.run(named('a')), queue.run(named('b'))].map((p) => p.then((v) => answered.push(v)));
    await turn();
    // Committed (the connection sees it), applied at once, the flush asked for, but nobody told yet.
    expect(rows(db)).toEqual(['a', 'b']);
    expect(flush.calls).toHaveLength(1);
    expect(log).toEqual(['apply ab']);
    expect(queue.unflushed).toBe(true);
    // The next batch runs and commits while the first is being flushed; it waits for a flush of
    // its own, asked for once the one under way is done (one at a time).
    const second = [queue.run(named('c')), queue.run(named('d'))].map((p) => p.then((v) => answered.push(v)));
    await turn();
    expect(rows(db)).toEqual(['a', 'b', 'c', 'd']);
    expect(log).toEqual(['apply ab', 'apply cd']);
    expect(answered).toEqual([]);
    expect(flush.calls).toHaveLength(1);
    expect(queue.unpublishedBatches).toBe(2);
    // The connection is back to synchronous=FULL between batches (every other write stays FULL).
    expect(db.pragma('synchronous', { simple: true })).toBe(2);

    flush.calls[0]!.resolve();
    await Promise.all(first);
    expect(answered).toEqual(['a', 'b']);
    expect(log).toEqual(['apply ab', 'apply cd', 'publish ab']);
    expect(flush.calls).toHaveLength(2);
    flush.calls[1]!.resolve();
    await Promise.all(second);
    expect(answered).toEqual(['a', 'b', 'c', 'd']);
    expect(log).toEqual(['apply ab', 'apply cd', 'publish ab', 'publish cd']);
    expect(queue.unflushed).toBe(false);
    await queue.close();
    db.close();
  });

  test('the batches committed during a flush share the next one and are published in commit order', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const published: string[][] = [];
    const queue = new CommandQueue(db, (committed) => published.push(committed.map((tx) => String((tx as unknown as { v: string }).v))), { durability: flush, depth: 8 });
    const answered: string[] = [];
    const named = (v: string) => (tx: Tx): string => {
      (tx as unknown as { v: string }).v = v;
      return insert(v)(tx);
    };
    const all: Array<Promise<unknown>> = [];
    for (const v of ['a', 'b', 'c']) {
      all.push(queue.run(named(v)).then((x) => answered.push(x)));
      await turn();
    }
    // Three batches committed, one flush under way (asked for after the first).
    expect(rows(db)).toEqual(['a', 'b', 'c']);
    expect(flush.calls).toHaveLength(1);
    flush.calls[0]!.resolve();
    await turn();
    expect(published).toEqual([['a']]);
    expect(answered).toEqual(['a']);
    // One flush, asked for after both commits, makes both durable.
    expect(flush.calls).toHaveLength(2);
    flush.calls[1]!.resolve();
    await Promise.all(all);
    expect(published).toEqual([['a'], ['b'], ['c']]);
    expect(answered).toEqual(['a', 'b', 'c']);
    expect(flush.calls).toHaveLength(2);
    await queue.close();
    db.close();
  });

  test('a batch that wrote nothing after an unflushed one is answered after it, in order', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const queue = new CommandQueue(db, () => undefined, { durability: flush });
    const answered: string[] = [];
    const write = queue.run(insert('a')).then((v) => answered.push(v));
    await turn();
    // It read what the unflushed batch wrote: it may not be answered before that batch is durable.
    const read = queue.run((tx) => rows(tx.db as unknown as Database.Database).join('')).then((v) => answered.push(`read ${v}`));
    await turn();
    await turn();
    expect(answered).toEqual([]);
    expect(flush.calls).toHaveLength(1);
    flush.calls[0]!.resolve();
    await Promise.all([write, read]);
    expect(answered).toEqual(['a', 'read a']);
    expect(flush.calls).toHaveLength(1);
    await queue.close();
    db.close();
  });

  test(`at most ${MAX_UNPUBLISHED} batches wait for their flush; later commands wait to run`, async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const queue = new CommandQueue(db, () => undefined, { durability: flush });
    const all: Array<Promise<unknown>> = [];
    for (let i = 0; i < MAX_UNPUBLISHED + 2; i++) {
      all.push(queue.run(insert(`r${i}`)));
      await turn();
    }
    expect(queue.unpublishedBatches).toBe(MAX_UNPUBLISHED);
    expect(rows(db)).toHaveLength(MAX_UNPUBLISHED);
    expect(queue.waiting).toBe(2);
    flush.calls[0]!.resolve();
    await turn();
    await turn();
    // The first was published: the two that waited run together in one batch.
    expect(rows(db)).toHaveLength(MAX_UNPUBLISHED + 2);
    expect(queue.waiting).toBe(0);
    while (queue.unflushed) {
      flush.calls.at(-1)!.resolve();
      await turn();
      await turn();
    }
    await Promise.all(all);
    await queue.close();
    db.close();
  });

  test('whenPublished waits for every committed batch to be published (answers first), and no batch runs meanwhile', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const queue = new CommandQueue(db, () => undefined, { durability: flush });
    const log: string[] = [];
    queue.whenPublished(() => log.push('at once'));
    expect(log).toEqual(['at once']);
    const a = queue.run(insert('a')).then(() => log.push('answered a'));
    await turn();
    queue.whenPublished(() => log.push(`work sees ${rows(db).join('')}`));
    const b = queue.run(insert('b')).then(() => log.push('answered b'));
    await turn();
    await turn();
    // b waits to run: the work goes first, once a is published.
    expect(rows(db)).toEqual(['a']);
    expect(queue.waiting).toBe(1);
    flush.calls[0]!.resolve();
    await a;
    await turn();
    expect(log).toEqual(['at once', 'answered a', 'work sees a']);
    flush.calls[1]!.resolve();
    await b;
    expect(log).toEqual(['at once', 'answered a', 'work sees a', 'answered b']);
    await queue.close();
    db.close();
  });

  test('knows the tickets and the event seqs of the batches not yet published', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const queue = new CommandQueue(db, () => undefined, { durability: flush, depth: 2 });
    const withEvent = (seq: number, ticketId: string) => (tx: Tx): string => {
      insert(ticketId)(tx);
      tx.events.push({ type: 'ticket.cancelled', hallId: 'h', seq, at: '', ticketId } as unknown as HallEvent);
      tx.touchTicket('h', ticketId);
      return ticketId;
    };
    expect(queue.publishedSeq('h')).toBeUndefined();
    const first = queue.run(withEvent(11, 't1'));
    await turn();
    const second = queue.run(withEvent(12, 't2'));
    await turn();
    expect(queue.publishedSeq('h')).toBe(10);
    expect(queue.publishedSeq('other')).toBeUndefined();
    expect([queue.unpublishedTicket('t1'), queue.unpublishedTicket('t2'), queue.unpublishedTicket('t3')]).toEqual([true, true, false]);
    flush.calls[0]!.resolve();
    await first;
    expect(queue.publishedSeq('h')).toBe(11);
    expect([queue.unpublishedTicket('t1'), queue.unpublishedTicket('t2')]).toEqual([false, true]);
    flush.calls[1]!.resolve();
    await second;
    expect(queue.publishedSeq('h')).toBeUndefined();
    expect(queue.unpublishedTicket('t2')).toBe(false);
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

  test('a failed flush fails every batch not yet published, the one committed after it included; none is published', async () => {
    const db = openDb();
    const flush = new HeldFlush();
    const applied: number[] = [];
    const published: number[] = [];
    const fatal: Error[] = [];
    const queue = new CommandQueue(
      db,
      { apply: (committed) => applied.push(committed.length), publish: (committed) => published.push(committed.length) },
      { durability: flush, depth: 2, onFatal: (e) => fatal.push(e) },
    );
    const first = queue.run(insert('a'));
    await turn();
    const second = [queue.run(insert('b')), queue.run(insert('c'))];
    await turn();
    // Both committed (the second while the first was flushed) and applied to the mirror.
    expect(rows(db)).toEqual(['a', 'b', 'c']);
    expect(applied).toEqual([1, 2]);
    const third = queue.run(insert('d'));
    flush.calls[0]!.reject(new Error('EIO'));
    for (const p of [first, ...second, third]) await expect(p).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('EIO') });
    await expect(queue.run(insert('e'))).rejects.toMatchObject({ code: 'internal' });
    // Nobody was told of either batch; the command that waited never ran; the server restarts.
    expect(published).toEqual([]);
    expect(rows(db)).toEqual(['a', 'b', 'c']);
    expect(fatal.map((e) => e.message)).toEqual(['EIO']);
    expect(flush.calls).toHaveLength(1);
    expect(queue.unflushed).toBe(false);
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
