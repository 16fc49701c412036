// "Your number is called": vibrate and beep where the phone allows. Browsers only let a page
// make sound after a touch, so the page offers a button that unlocks audio ahead of time.
let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (audio) return audio;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    audio = new Ctor();
  } catch {
    audio = null;
  }
  return audio;
}

/** Call from a touch handler: afterwards the page may beep on its own. */
export function unlockSound(): boolean {
  const ctx = context();
  if (!ctx) return false;
  void ctx.resume().catch(() => undefined);
  return true;
}

function beep(ctx: AudioContext, startAt: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = 880;
  gain.gain.setValueAtTime(0.0001, startAt);
  gain.gain.exponentialRampToValueAtTime(0.4, startAt + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, startAt + 0.35);
  osc.connect(gain).connect(ctx.destination);
  osc.start(startAt);
  osc.stop(startAt + 0.4);
}

export function alertCalled(): void {
  try {
    navigator.vibrate?.([400, 150, 400, 150, 400]);
  } catch {
    // Not every phone vibrates for a web page.
  }
  const ctx = context();
  if (!ctx || ctx.state !== 'running') return;
  const now = ctx.currentTime;
  beep(ctx, now);
  beep(ctx, now + 0.5);
  beep(ctx, now + 1.0);
}
