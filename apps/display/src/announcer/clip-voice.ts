// Speaks with the shipped recorded clips: decodes them once and schedules each sequence
// back-to-back on the Web Audio clock, so there is no gap or overlap between clips.
import { CLIP_CATALOGUE } from './clip-plan';
import type { Utterance, Voice } from './voice';

export class ClipPlayer {
  private readonly buffers = new Map<string, Promise<AudioBuffer | null>>();
  /** Every clip sequence started, for the test hook. */
  readonly played: string[][] = [];

  constructor(
    readonly ctx: AudioContext,
    private readonly baseUrl: string,
    /** Playback speed of the clips (1 = as recorded). */
    private readonly rate = 1,
  ) {}

  private load(file: string): Promise<AudioBuffer | null> {
    let p = this.buffers.get(file);
    if (!p) {
      p = fetch(`${this.baseUrl}${file}`)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} ${file}`))))
        .then((data) => this.ctx.decodeAudioData(data))
        .catch((err: unknown) => {
          console.warn('[announcer] clip not available', file, err);
          this.buffers.delete(file);
          return null;
        });
      this.buffers.set(file, p);
    }
    return p;
  }

  preload(files: string[]): Promise<unknown> {
    return Promise.all(files.map((f) => this.load(f)));
  }

  /** `speed` multiplies the player's own rate (the catch-up form is read faster). */
  async play(files: string[], speed = 1): Promise<void> {
    if (files.length === 0) return;
    this.played.push(files);
    const buffers = (await Promise.all(files.map((f) => this.load(f)))).filter((b): b is AudioBuffer => b !== null);
    if (buffers.length === 0) return;
    const rate = this.rate * speed;
    let at = this.ctx.currentTime + 0.05;
    let last: AudioBufferSourceNode | null = null;
    for (const buffer of buffers) {
      const src = this.ctx.createBufferSource();
      src.buffer = buffer;
      src.playbackRate.value = rate;
      src.connect(this.ctx.destination);
      src.start(at);
      at += buffer.duration / rate;
      last = src;
    }
    const totalMs = (at - this.ctx.currentTime) * 1000;
    await new Promise<void>((resolve) => {
      // `ended` is the truth; the timer only covers an audio device that stopped its clock.
      const timer = setTimeout(resolve, totalMs + 1500);
      last!.onended = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

export class ClipVoice implements Voice {
  readonly kind = 'clips' as const;
  constructor(private readonly player: ClipPlayer) {}

  chime(): Promise<void> {
    return this.player.play([CLIP_CATALOGUE.chime.file]);
  }

  say(u: Utterance): Promise<void> {
    return this.player.play(u.clips, u.rate ?? 1);
  }
}
