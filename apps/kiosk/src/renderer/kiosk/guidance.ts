// Spoken guidance in large mode: each step of the kiosk is said aloud with the system's speech
// voices (Web Speech), the way the hall display speaks its calls. The last words said are kept on
// the page (data-guidance) so a test, or a helper standing by, can see what was said.
import type { Lang } from '@hallq/shared';

export interface Speaker {
  say(text: string, lang: Lang): void;
  stop(): void;
}

export function webSpeechSpeaker(root: () => HTMLElement | null, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): Speaker {
  return {
    say(text, lang) {
      root()?.setAttribute('data-guidance', text);
      if (!synth) return;
      synth.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
      u.rate = 0.85; // slower for older visitors
      const voice = synth.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(lang === 'zh' ? 'zh' : 'en'));
      if (voice) u.voice = voice;
      synth.speak(u);
    },
    stop() {
      synth?.cancel();
    },
  };
}

/** Large mode lasts this many times longer before the kiosk goes back to its start screen. */
export const LARGE_IDLE_FACTOR = 3;
