// What the hall's recorded voice can say. The display ships one clip per word below (its clip
// catalogue is checked against this list by a test), so a template is speakable when every
// piece of it outside {number} and {window} is one of these words. A template with other words
// is refused when it is saved instead of being read with silent gaps.

/** Chinese words with a recorded clip (digits, 十, 百 and letters say ticket and window numbers). */
export const CLIP_WORDS_ZH: readonly string[] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '请', '号', '到', '窗口', '办理', '前往', '柜台'];

/** English words and phrases with a recorded clip (numbers 0-20 and tens say window numbers). */
export const CLIP_WORDS_EN: readonly string[] = ['number', 'please go to window', 'please', 'go', 'to', 'window', 'counter', 'hundred'];

const PLACEHOLDER = /\{(number|window)\}/g;
const PUNCTUATION_ZH = /[\s,.;:!?，。；：！？、]/;

/** Pieces of a Chinese template the clip voice cannot say, in order, each once. */
export function unspeakableZh(template: string): string[] {
  const words = [...CLIP_WORDS_ZH].sort((a, b) => b.length - a.length);
  const missing: string[] = [];
  for (const part of template.split(PLACEHOLDER).filter((_, i) => i % 2 === 0)) {
    let run = '';
    const flush = () => {
      if (run && !missing.includes(run)) missing.push(run);
      run = '';
    };
    let i = 0;
    while (i < part.length) {
      const ch = part[i] ?? '';
      if (PUNCTUATION_ZH.test(ch)) {
        flush();
        i++;
        continue;
      }
      const word = words.find((w) => part.startsWith(w, i)) ?? (/[A-Za-z0-9]/.test(ch) ? ch : undefined);
      if (word) {
        flush();
        i += word.length;
        continue;
      }
      run += ch;
      i++;
    }
    flush();
  }
  return missing;
}

/** Words of an English template the clip voice cannot say, each once. */
export function unspeakableEn(template: string): string[] {
  const missing: string[] = [];
  const tokens = template
    .replace(PLACEHOLDER, ' ')
    .toLowerCase()
    .split(/[\s,.;:!?\-–—]+/)
    .filter(Boolean);
  for (const tok of tokens) {
    const known = /^\d+$/.test(tok) || /^[a-z]$/.test(tok) || CLIP_WORDS_EN.some((p) => p.split(' ').includes(tok));
    if (!known && !missing.includes(tok)) missing.push(tok);
  }
  return missing;
}
