// A voice that takes time on a (fake) scheduler and records what it said: for tests and demos.
import type { Scheduler } from './scheduler';
import type { Utterance, Voice } from './voice';

export interface SpokenRecord {
  what: 'chime' | 'say';
  text: string;
  start: number;
  end: number;
}

export class FakeVoice implements Voice {
  readonly kind = 'silent' as const;
  readonly spoken: SpokenRecord[] = [];
  private busy = false;
  overlaps = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly durations = { chimeMs: 1500, perCharMs: 250 },
  ) {}

  chime(): Promise<void> {
    return this.run('chime', '', this.durations.chimeMs);
  }

  say(u: Utterance): Promise<void> {
    return this.run('say', u.text, u.text.length * this.durations.perCharMs);
  }

  private async run(what: SpokenRecord['what'], text: string, ms: number): Promise<void> {
    if (this.busy) this.overlaps++;
    this.busy = true;
    const start = this.scheduler.now();
    await this.scheduler.sleep(ms);
    this.busy = false;
    this.spoken.push({ what, text, start, end: this.scheduler.now() });
  }
}
