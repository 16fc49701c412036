// Speaks with the system's speech voices (Web Speech API) when a zh-CN voice is installed.
import type { ClipPlayer } from './clip-voice';
import { CLIP_CATALOGUE } from './clip-plan';
import type { Utterance, Voice } from './voice';

export class WebSpeechVoice implements Voice {
  readonly kind = 'web-speech' as const;

  constructor(
    private readonly synth: SpeechSynthesis,
    private readonly zhVoice: SpeechSynthesisVoice,
    private readonly enVoice: SpeechSynthesisVoice | null,
    private readonly player: ClipPlayer,
  ) {}

  chime(): Promise<void> {
    return this.player.play([CLIP_CATALOGUE.chime.file]);
  }

  say(u: Utterance): Promise<void> {
    return new Promise((resolve, reject) => {
      const utter = new SpeechSynthesisUtterance(u.text);
      const voice = u.lang === 'zh' ? this.zhVoice : this.enVoice;
      if (voice) utter.voice = voice;
      utter.lang = u.lang === 'zh' ? 'zh-CN' : 'en-US';
      utter.rate = 0.9 * (u.rate ?? 1);
      utter.onend = () => resolve();
      utter.onerror = (e) => (e.error === 'interrupted' || e.error === 'canceled' ? resolve() : reject(new Error(e.error)));
      this.synth.speak(utter);
    });
  }
}

/** The system's zh-CN voice, waiting briefly for the voice list to load (it is async in Chromium). */
export async function findSpeechVoices(
  synth: SpeechSynthesis | undefined,
  waitMs = 1500,
): Promise<{ zh: SpeechSynthesisVoice; en: SpeechSynthesisVoice | null } | null> {
  if (!synth) return null;
  let voices = synth.getVoices();
  if (voices.length === 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      synth.addEventListener('voiceschanged', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
    voices = synth.getVoices();
  }
  const norm = (l: string) => l.toLowerCase().replace('_', '-');
  const zh = voices.find((v) => norm(v.lang) === 'zh-cn') ?? voices.find((v) => /^zh(-hans)?$|^cmn/.test(norm(v.lang)));
  if (!zh) return null;
  const en = voices.find((v) => norm(v.lang).startsWith('en')) ?? null;
  return { zh, en };
}
