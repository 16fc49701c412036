// The write path's durability: a failed disk flush is fatal without anyone being told of any change
// not yet published, and the flush thread itself (the WAL's fsync and its checkpoints).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommandQueue } from './command-queue';
import { HeldFlush, insert, openDb, rows, turn } from './command-queue.test-util';
import type { Tx } from './tx';
import { WalSyncThread } from './wal-sync';

describe('CommandQueue with the disk flush on its own thread', () => {
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
