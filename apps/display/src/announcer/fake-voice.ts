// A voice that takes time on a (fake) scheduler and records what it said: for tests and demos.
// By default a chime takes 1.5 s and speech 250 ms a character; `timing` can instead give the
// real length of the recorded clips (see clip-timing.ts).
import type { Scheduler } from './scheduler';
import type { Utterance, Voice } from './voice';

export interface SpokenRecord {
  what: 'chime' | 'say';
  text: string;
  start: number;
  end: number;
}

export interface VoiceTiming {
  chimeMs: number;
  /** Length of one utterance at normal speed. */
  sayMs(u: Utterance): number;
}

export const CHARACTER_TIMING: VoiceTiming = { chimeMs: 1500, sayMs: (u) => u.text.length * 250 };

export class FakeVoice implements Voice {
  readonly kind = 'silent' as const;
  readonly spoken: SpokenRecord[] = [];
  private busy = false;
  overlaps = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly timing: VoiceTiming = CHARACTER_TIMING,
  ) {}

  chime(): Promise<void> {
    return this.run('chime', '', this.timing.chimeMs);
  }

  say(u: Utterance): Promise<void> {
    return this.run('say', u.text, this.timing.sayMs(u) / (u.rate ?? 1));
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
