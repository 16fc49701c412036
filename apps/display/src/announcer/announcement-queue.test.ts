import { AnnouncementQueue, type AnnouncementRecord, type CallToAnnounce, type SkipRecord } from './announcement-queue';
import { FakeVoice } from './fake-voice';
import { FakeScheduler } from './scheduler';
import { composeUtterances } from './compose';
import { DEFAULT_TEMPLATE_ZH } from './text';
import type { Voice } from './voice';

function setup(opts: { repeat?: number; voice?: (s: FakeScheduler) => Voice; catchUp?: boolean; covers?: (n: number) => boolean; handledThrough?: number } = {}) {
  const scheduler = new FakeScheduler();
  const voice = opts.voice ? opts.voice(scheduler) : new FakeVoice(scheduler);
  const started: AnnouncementRecord[] = [];
  const errors: unknown[] = [];
  const skipped: SkipRecord[] = [];
  const handled: number[] = [];
  const queue = new AnnouncementQueue({
    catchUp: opts.catchUp,
    covers: opts.covers,
    handledThrough: opts.handledThrough,
    onSkip: (r) => skipped.push(r),
    onHandled: (seq) => handled.push(seq),
    voice: () => voice,
    scheduler,
    compose: (c, mode) => composeUtterances(c, { template: DEFAULT_TEMPLATE_ZH, templateEn: '', repeat: 2, english: false, maxLagSeconds: 15 }, mode),
    repeat: () => opts.repeat ?? 2,
    onStart: (r) => started.push(r),
    onError: (e) => errors.push(e),
  });
  let seq = 100;
  const call = (number: string, windowNumber: number, extra: Partial<CallToAnnounce> = {}): CallToAnnounce => ({
    seq: ++seq,
    ticketId: `t-${number}`,
    number,
    windowNumber,
    recall: false,
    at: scheduler.now(),
    replayed: false,
    ...extra,
  });
  /** Runs the fake clock until the queue has nothing left. */
  const drain = async () => {
    let done = false;
    void queue.idle().then(() => (done = true));
    for (let i = 0; i < 10_000 && !done; i++) await scheduler.advance(100);
    expect(done).toBe(true);
  };
  return { scheduler, voice, queue, started, errors, skipped, handled, call, drain };
}

test('a burst of ten calls in the same instant is announced in seq order, each once, never overlapping (full form when not catching up)', async () => {
  const { queue, started, voice, call, drain } = setup({ catchUp: false });
  const calls = Array.from({ length: 10 }, (_, i) => call(`A${String(i + 1).padStart(3, '0')}`, (i % 4) + 1));
  for (const c of calls) expect(queue.enqueue(c)).toBe('queued');
  await drain();
  expect(started.map((r) => r.seq)).toEqual(calls.map((c) => c.seq));
  const fake = voice as FakeVoice;
  expect(fake.overlaps).toBe(0);
  // chime first, then the utterance twice (repeat 2), per call
  expect(fake.spoken.map((s) => s.what)).toEqual(calls.flatMap(() => ['chime', 'say', 'say']));
  expect(fake.spoken[1]?.text).toBe('请A零零一号到一号窗口办理');
  for (let i = 1; i < fake.spoken.length; i++) expect(fake.spoken[i]!.start).toBeGreaterThanOrEqual(fake.spoken[i - 1]!.end);
});

test('the same event delivered twice (resume after reconnect) is announced once', async () => {
  const { queue, started, call, drain } = setup();
  const c = call('A001', 1);
  expect(queue.enqueue(c)).toBe('queued');
  expect(queue.enqueue({ ...c })).toBe('duplicate');
  await drain();
  expect(queue.enqueue({ ...c, replayed: true })).toBe('duplicate');
  await drain();
  expect(started.map((r) => r.number)).toEqual(['A001']);
});

test('a recall after the call was spoken is announced again; a recall of a call still queued merges into it (logged)', async () => {
  const { queue, started, skipped, call, drain } = setup();
  queue.enqueue(call('A001', 1));
  await drain();
  queue.enqueue(call('A001', 1, { recall: true }));
  queue.enqueue(call('A002', 2));
  const merged = call('A002', 2, { recall: true });
  expect(queue.enqueue(merged)).toBe('merged');
  await drain();
  expect(started.map((r) => [r.number, r.recall])).toEqual([
    ['A001', false],
    ['A001', true],
    ['A002', true],
  ]);
  expect(skipped).toEqual([expect.objectContaining({ seq: merged.seq, reason: 'merged' })]);
});

test('a burst is caught up: short form, read once, every call spoken, in order', async () => {
  const { queue, started, voice, call, drain } = setup();
  const calls = Array.from({ length: 10 }, (_, i) => call(`A${String(i + 1).padStart(3, '0')}`, (i % 4) + 1));
  for (const c of calls) queue.enqueue(c);
  await drain();
  expect(started.map((r) => r.seq)).toEqual(calls.map((c) => c.seq));
  // The first call came alone and is read in full; the nine behind it are caught up.
  expect(started[0]?.mode).toBe('full');
  expect(started.slice(1).every((r) => r.mode === 'brief' || r.mode === 'rush')).toBe(true);
  expect(started[1]?.text).toBe('A零零二，二号窗口');
  expect((voice as FakeVoice).overlaps).toBe(0);
});

test('a display announces only the windows it covers; the others are handled silently, with a record', async () => {
  const { queue, started, skipped, handled, call, drain } = setup({ covers: (n) => n <= 3 });
  queue.enqueue(call('A001', 1));
  expect(queue.enqueue(call('A002', 7))).toBe('not-covered');
  queue.enqueue(call('A003', 3));
  await drain();
  expect(started.map((r) => r.number)).toEqual(['A001', 'A003']);
  expect(skipped.map((r) => [r.number, r.reason])).toEqual([['A002', 'not-covered']]);
  expect(handled.at(-1)).toBe(103);
});

test('how far calls are handled only moves past a call once it was said in full once', async () => {
  const { queue, handled, call, scheduler, drain } = setup({ handledThrough: 100 });
  const a = call('A001', 1);
  const b = call('A002', 2);
  queue.enqueue(a);
  queue.enqueue(b);
  expect(handled).toEqual([]);
  await scheduler.advance(1000); // chime of A001
  expect(handled).toEqual([]);
  await drain();
  expect(handled).toEqual([a.seq, b.seq]);
  // Below the handled mark (kept across a reload) nothing is announced again.
  expect(queue.enqueue({ ...a })).toBe('duplicate');
});

test('calls kept waiting past the stale limit (sound off for a long time) are logged, not announced', async () => {
  const scheduler = new FakeScheduler();
  const voice = new FakeVoice(scheduler);
  let enable: () => void = () => undefined;
  const enabled = new Promise<void>((r) => (enable = r));
  const started: number[] = [];
  const skipped: SkipRecord[] = [];
  const queue = new AnnouncementQueue({
    voice: () => voice,
    scheduler,
    compose: (c) => [{ lang: 'zh', text: c.number, clips: [] }],
    repeat: () => 1,
    staleAfterMs: 60_000,
    ready: () => enabled,
    onStart: (r) => started.push(r.seq),
    onSkip: (r) => skipped.push(r),
  });
  queue.enqueue({ seq: 1, ticketId: 'a', number: 'A001', windowNumber: 1, recall: false, at: scheduler.now(), replayed: false });
  await scheduler.advance(90_000);
  queue.enqueue({ seq: 2, ticketId: 'b', number: 'A002', windowNumber: 2, recall: false, at: scheduler.now(), replayed: false });
  enable();
  for (let i = 0; i < 200; i++) await scheduler.advance(100);
  expect(started).toEqual([2]);
  expect(skipped).toEqual([expect.objectContaining({ seq: 1, reason: 'stale' })]);
  expect(queue.handledThrough).toBe(2);
});

test('repeat count comes from the hall (1 and 3)', async () => {
  for (const repeat of [1, 3]) {
    const { queue, voice, call, drain } = setup({ repeat });
    queue.enqueue(call('B003', 3));
    await drain();
    expect((voice as FakeVoice).spoken.filter((s) => s.what === 'say')).toHaveLength(repeat);
  }
});

test('after a long outage, replayed calls are announced only while recent', async () => {
  const { queue, started, call, scheduler, drain } = setup();
  const now = scheduler.now();
  const old = call('A010', 1, { replayed: true, at: now - 30 * 60_000 });
  const lastMinute = call('A011', 2, { replayed: true, at: now - 60_000 });
  const live = call('A012', 3);
  expect(queue.enqueue(old)).toBe('stale');
  expect(queue.enqueue(lastMinute)).toBe('queued');
  expect(queue.enqueue(live)).toBe('queued');
  await drain();
  expect(started.map((r) => r.number)).toEqual(['A011', 'A012']);
  // a stale call is still remembered: a second delivery does not announce it either
  expect(queue.enqueue({ ...old, replayed: false })).toBe('duplicate');
});

test('calls arriving while one is playing wait their turn (no drop, no overlap)', async () => {
  const { queue, started, voice, call, scheduler, drain } = setup({ catchUp: false });
  queue.enqueue(call('A001', 1));
  await scheduler.advance(500); // mid-chime
  queue.enqueue(call('A002', 2));
  await scheduler.advance(2000); // mid-utterance
  queue.enqueue(call('A003', 3));
  await drain();
  expect(started.map((r) => r.number)).toEqual(['A001', 'A002', 'A003']);
  expect((voice as FakeVoice).overlaps).toBe(0);
});

test('a late event with a lower seq is played before higher ones still queued', async () => {
  const { queue, started, call, drain } = setup();
  const a = call('A001', 1);
  const b = call('A002', 2);
  const c = call('A003', 3);
  queue.enqueue(a);
  queue.enqueue(c);
  queue.enqueue(b);
  await drain();
  expect(started.map((r) => r.seq)).toEqual([a.seq, b.seq, c.seq]);
});

test('a voice that never finishes does not block later calls', async () => {
  const hung: Voice = { kind: 'silent', chime: () => Promise.resolve(), say: () => new Promise(() => undefined) };
  const { queue, started, errors, call, drain } = setup({ voice: () => hung, repeat: 1 });
  queue.enqueue(call('A001', 1));
  queue.enqueue(call('A002', 2));
  await drain();
  expect(started.map((r) => r.number)).toEqual(['A001', 'A002']);
  expect(errors).toHaveLength(2);
});

test('nothing plays until sound is enabled, then the backlog plays in order', async () => {
  const scheduler = new FakeScheduler();
  const voice = new FakeVoice(scheduler);
  let enable: () => void = () => undefined;
  const enabled = new Promise<void>((r) => (enable = r));
  const started: number[] = [];
  const queue = new AnnouncementQueue({
    voice: () => voice,
    scheduler,
    compose: (c) => [{ lang: 'zh', text: c.number, clips: [] }],
    repeat: () => 1,
    ready: () => enabled,
    onStart: (r) => started.push(r.seq),
  });
  queue.enqueue({ seq: 1, ticketId: 'a', number: 'A001', windowNumber: 1, recall: false, at: scheduler.now(), replayed: false });
  queue.enqueue({ seq: 2, ticketId: 'b', number: 'A002', windowNumber: 2, recall: false, at: scheduler.now(), replayed: false });
  await scheduler.advance(10_000);
  expect(started).toEqual([]);
  enable();
  for (let i = 0; i < 200; i++) await scheduler.advance(100);
  expect(started).toEqual([1, 2]);
});
