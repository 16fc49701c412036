// Sends the kiosk back to its start screen when nobody has touched it for a while, so the next
// visitor never finds someone else's half-finished choice.
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: Clock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class IdleTimer {
  private handle: unknown = null;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
    private readonly clock: Clock = browserClock,
  ) {}

  /** Any touch, key or click: start counting again. */
  touch(): void {
    this.stop();
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      this.onIdle();
    }, this.idleMs);
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }
}

/** `?idle=5` (seconds) overrides the configured timeout, for tests and demos. */
export function idleSecondsFrom(search: string, configured: number | undefined): number {
  const fromUrl = Number(new URLSearchParams(search).get('idle'));
  if (Number.isFinite(fromUrl) && fromUrl > 0) return fromUrl;
  return configured && configured > 0 ? configured : 60;
}
