// The write path with its disk flush off the event loop, pipelined: nobody is answered before the
// flush; the next batch runs and commits meanwhile; batches are published and answered in commit
// order; what is not yet published (tickets, event seqs) stays known. The batches and the flush
// failures are in command-queue-batches.test.ts and command-queue-durability.test.ts.
import type Database from 'better-sqlite3';
import type { HallEvent } from '@hallq/shared';
import { CommandQueue, MAX_UNPUBLISHED } from './command-queue';
import { HeldFlush, insert, openDb, rows, turn } from './command-queue.test-util';
import type { Tx } from './tx';

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
});
