// Wires the announcement queue to a real voice in the page, keeps how far it has announced in
// localStorage (a reload resumes there: no call lost, none repeated) and exposes the test hook
// `window.__hallqAnnouncer` (every started announcement, every skip, every clip sequence played).
import { AnnouncementQueue, type AnnouncementRecord, type CallToAnnounce, type EnqueueResult } from './announcement-queue';
import { ClipPlayer, ClipVoice } from './clip-voice';
import { CLIP_CATALOGUE } from './clip-plan';
import { composeUtterances, type AnnouncerSettings } from './compose';
import { realScheduler } from './scheduler';
import { enableSoundOnAnyGesture, rememberSoundEnabled, soundWasEnabled } from './sound-memory';
import type { Voice } from './voice';
import { WebSpeechVoice, findSpeechVoices } from './web-speech-voice';

export type { AnnouncerSettings } from './compose';
export { composeUtterances } from './compose';

export type SoundState = 'starting' | 'blocked' | 'ready';

export interface AnnouncerHook {
  log: AnnouncementRecord[];
  /** Calls not announced on their own, and why (merged, stale, not-covered, duplicate). */
  skipped: Array<{ seq: number; number: string; reason: EnqueueResult; intoSeq?: number }>;
  played: string[][];
  voice: Voice['kind'] | null;
  handledThrough: number;
  /** The seq this page began announcing after (the stored mark, or the hall's seq); null before. */
  resumedFrom: number | null;
}

declare global {
  interface Window {
    __hallqAnnouncer?: AnnouncerHook;
  }
}

export interface BrowserAnnouncer {
  /**
   * Starts announcing for one display of one hall. `currentSeq` is the hall's seq now: a display
   * that never announced before starts there (an old call is never read as new).
   */
  begin(storageKey: string, currentSeq: number): void;
  /** Calls offered before `begin` wait for it ('waiting'). */
  announce(call: CallToAnnounce): EnqueueResult | 'waiting';
  readonly soundState: SoundState;
  onSoundState(cb: (s: SoundState) => void): () => void;
  /** Called from a click: browsers allow sound only after a user gesture. */
  enableSound(): void;
}

function readMark(key: string): number | null {
  try {
    const v = Number(window.localStorage.getItem(key));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export function createBrowserAnnouncer(opts: {
  clipsBaseUrl: string;
  settings: () => AnnouncerSettings;
  covers: (windowNumber: number) => boolean;
  /** 'auto': the system's zh-CN voice if installed, else clips. */
  voice: 'auto' | 'clips' | 'speech';
  clipRate?: number;
}): BrowserAnnouncer {
  const hook: AnnouncerHook = (window.__hallqAnnouncer = { log: [], skipped: [], played: [], voice: null, handledThrough: 0, resumedFrom: null });
  const ctx = new AudioContext();
  const player = new ClipPlayer(ctx, opts.clipsBaseUrl, opts.clipRate);
  hook.played = player.played;
  let voice: Voice = new ClipVoice(player);
  let soundState: SoundState = 'starting';
  const listeners = new Set<(s: SoundState) => void>();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const setSound = (s: SoundState) => {
    soundState = s;
    listeners.forEach((l) => l(s));
    if (s === 'ready') markReady();
  };

  const voiceChosen = (async () => {
    if (opts.voice !== 'clips') {
      const found = await findSpeechVoices(window.speechSynthesis);
      if (found) voice = new WebSpeechVoice(window.speechSynthesis, found.zh, found.en, player);
      else if (opts.voice === 'speech') console.warn('[announcer] no zh-CN speech voice; using recorded clips');
    }
    hook.voice = voice.kind;
    if (voice.kind === 'clips') {
      const all = [CLIP_CATALOGUE.chime.file, ...Object.values(CLIP_CATALOGUE.zh).map((c) => c.file), ...Object.values(CLIP_CATALOGUE.letters).map((c) => c.file)];
      void player.preload(all);
    }
  })();

  const enable = () => {
    void ctx.resume();
    // Unlocks speechSynthesis too (it also wants a gesture in some browsers).
    if (window.speechSynthesis) window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
    rememberSoundEnabled();
  };

  ctx.addEventListener('statechange', () => {
    if (ctx.state === 'running') setSound('ready');
  });
  if (ctx.state === 'running') setSound('ready');
  else {
    void ctx.resume().then(() => ctx.state === 'running' && setSound('ready'));
    // Sound was enabled here before: any touch or key enables it again, not only the button.
    if (soundWasEnabled()) enableSoundOnAnyGesture(enable);
    // A browser that blocks autoplay leaves the context suspended until a gesture.
    setTimeout(() => {
      if (soundState !== 'ready') setSound('blocked');
    }, 800);
  }

  let queue: AnnouncementQueue | null = null;
  const early: CallToAnnounce[] = [];
  const self: BrowserAnnouncer = {
    begin(storageKey, currentSeq) {
      if (queue) return;
      const stored = readMark(storageKey);
      // A mark beyond the hall's seq belongs to another database: start from now.
      const handledThrough = stored !== null && stored <= currentSeq ? stored : currentSeq;
      hook.handledThrough = handledThrough;
      hook.resumedFrom = handledThrough;
      queue = new AnnouncementQueue({
        voice: () => voice,
        scheduler: realScheduler,
        compose: (c, mode) => composeUtterances(c, opts.settings(), mode),
        repeat: () => opts.settings().repeat,
        maxLagMs: () => opts.settings().maxLagSeconds * 1000,
        covers: opts.covers,
        handledThrough,
        ready: async () => {
          await voiceChosen;
          await ready;
        },
        onStart: (r) => hook.log.push(r),
        onSkip: (r) => {
          hook.skipped.push(r);
          if (r.reason !== 'not-covered') console.warn(`[announcer] call ${r.number} (seq ${r.seq}) not announced on its own: ${r.reason}`, r);
        },
        onHandled: (seq) => {
          hook.handledThrough = seq;
          try {
            window.localStorage.setItem(storageKey, String(seq));
          } catch {
            // storage full or disabled: the display still announces, it just cannot resume.
          }
        },
        onError: (e) => console.warn('[announcer]', e),
      });
      for (const call of early.splice(0)) self.announce(call);
    },
    announce(call) {
      if (!queue) {
        early.push(call);
        return 'waiting';
      }
      const result = queue.enqueue(call);
      if (result === 'duplicate') hook.skipped.push({ seq: call.seq, number: call.number, reason: 'duplicate' });
      return result;
    },
    get soundState() {
      return soundState;
    },
    onSoundState(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    enableSound: enable,
  };
  return self;
}
