// The write path's batches: a batch that wrote nothing needs no flush, how long the queue counts
// as busy, closing it, and commands that write nothing themselves (no savepoint, a batch hook
// writes for them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_GAP_MS, CommandQueue } from './command-queue';
import { HeldFlush, insert, openDb, rows, turn } from './command-queue.test-util';
import type { Tx } from './tx';

describe('CommandQueue with the disk flush on its own thread', () => {
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
