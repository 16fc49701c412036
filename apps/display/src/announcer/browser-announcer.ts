// Wires the announcement queue to a real voice in the page and exposes the test hook
// `window.__hallqAnnouncer` (every started announcement, and every clip sequence played).
import { AnnouncementQueue, type AnnouncementRecord, type CallToAnnounce, type EnqueueResult } from './announcement-queue';
import { ClipPlayer, ClipVoice } from './clip-voice';
import { CLIP_CATALOGUE, planClipsEn, planClipsZh } from './clip-plan';
import { realScheduler } from './scheduler';
import { announcementText, announcementTextEn } from './text';
import type { Utterance, Voice } from './voice';
import { WebSpeechVoice, findSpeechVoices } from './web-speech-voice';

export interface AnnouncerSettings {
  template: string;
  templateEn: string;
  repeat: number;
  english: boolean;
}

export type SoundState = 'starting' | 'blocked' | 'ready';

export interface AnnouncerHook {
  log: AnnouncementRecord[];
  skipped: Array<{ seq: number; number: string; reason: EnqueueResult }>;
  played: string[][];
  voice: Voice['kind'] | null;
}

declare global {
  interface Window {
    __hallqAnnouncer?: AnnouncerHook;
  }
}

export interface BrowserAnnouncer {
  announce(call: CallToAnnounce): EnqueueResult;
  readonly soundState: SoundState;
  onSoundState(cb: (s: SoundState) => void): () => void;
  /** Called from a click: browsers allow sound only after a user gesture. */
  enableSound(): void;
}

export function composeUtterances(call: Pick<CallToAnnounce, 'number' | 'windowNumber'>, s: AnnouncerSettings): Utterance[] {
  const text = announcementText(s.template, call.number, call.windowNumber);
  const zh = planClipsZh(text);
  if (zh.unknown.length) console.warn('[announcer] no clip for', zh.unknown.join(''));
  const out: Utterance[] = [{ lang: 'zh', text, clips: zh.clips }];
  if (s.english) {
    const textEn = announcementTextEn(s.templateEn, call.number, call.windowNumber);
    out.push({ lang: 'en', text: textEn, clips: planClipsEn(textEn).clips });
  }
  return out;
}

export function createBrowserAnnouncer(opts: {
  clipsBaseUrl: string;
  settings: () => AnnouncerSettings;
  /** 'auto': the system's zh-CN voice if installed, else clips. */
  voice: 'auto' | 'clips' | 'speech';
  clipRate?: number;
}): BrowserAnnouncer {
  const hook: AnnouncerHook = (window.__hallqAnnouncer = { log: [], skipped: [], played: [], voice: null });
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

  ctx.addEventListener('statechange', () => {
    if (ctx.state === 'running') setSound('ready');
  });
  if (ctx.state === 'running') setSound('ready');
  else {
    void ctx.resume().then(() => ctx.state === 'running' && setSound('ready'));
    // A browser that blocks autoplay leaves the context suspended until a click.
    setTimeout(() => {
      if (soundState !== 'ready') setSound('blocked');
    }, 800);
  }

  const queue = new AnnouncementQueue({
    voice: () => voice,
    scheduler: realScheduler,
    compose: (c) => composeUtterances(c, opts.settings()),
    repeat: () => opts.settings().repeat,
    ready: async () => {
      await voiceChosen;
      await ready;
    },
    onStart: (r) => hook.log.push(r),
    onError: (e) => console.warn('[announcer]', e),
  });

  return {
    announce(call) {
      const result = queue.enqueue(call);
      if (result !== 'queued') hook.skipped.push({ seq: call.seq, number: call.number, reason: result });
      return result;
    },
    get soundState() {
      return soundState;
    },
    onSoundState(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    enableSound() {
      void ctx.resume();
      // Unlocks speechSynthesis too (it also wants a gesture in some browsers).
      if (window.speechSynthesis) window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
    },
  };
}
