// Time for the announcer, injected so tests drive it with a fake clock.
export interface Scheduler {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A manual clock: time moves only when `advance` is called. Used by tests and demos. */
export class FakeScheduler implements Scheduler {
  private time: number;
  private timers: Array<{ at: number; resolve: () => void; id: number }> = [];
  private nextId = 0;

  constructor(start = Date.UTC(2025, 0, 6, 2, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), resolve, id: this.nextId++ });
    });
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order and letting promise chains run between them. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await flush();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.time = next.at;
      next.resolve();
      await flush();
    }
    this.time = target;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
