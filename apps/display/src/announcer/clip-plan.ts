// Turns announcement text into the sequence of recorded clips that says it, by greedy longest
// match against the shipped catalogue. Words without a clip are reported, not guessed.
import catalogue from './clip-catalogue.json';

export interface ClipEntry {
  file: string;
  say: string;
  voice: string;
}

export interface ClipCatalogue {
  sampleRate: number;
  chime: { file: string };
  zh: Record<string, ClipEntry>;
  en: Record<string, ClipEntry>;
  letters: Record<string, ClipEntry>;
}

export const CLIP_CATALOGUE: ClipCatalogue = catalogue;

export interface ClipPlan {
  /** Clip file names, in the order they are played. */
  clips: string[];
  /** Pieces of the text that have no clip (skipped when spoken with clips). */
  unknown: string[];
}

const ZH_DIGITS = '零一二三四五六七八九';
const PUNCTUATION = /[\s,.;:!?，。；：！？、]/;

export function planClipsZh(text: string, cat: ClipCatalogue = CLIP_CATALOGUE): ClipPlan {
  const words = Object.keys(cat.zh).sort((a, b) => b.length - a.length);
  const clips: string[] = [];
  const unknown: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (PUNCTUATION.test(ch)) {
      i++;
      continue;
    }
    const letter = cat.letters[ch.toUpperCase()];
    if (/[A-Za-z]/.test(ch) && letter) {
      clips.push(letter.file);
      i++;
      continue;
    }
    const digit = /[0-9]/.test(ch) ? cat.zh[ZH_DIGITS[Number(ch)] ?? ''] : undefined;
    if (digit) {
      clips.push(digit.file);
      i++;
      continue;
    }
    const word = words.find((w) => text.startsWith(w, i));
    if (word) {
      clips.push(cat.zh[word]!.file);
      i += word.length;
      continue;
    }
    unknown.push(ch);
    i++;
  }
  return { clips, unknown };
}

function englishNumber(n: number, cat: ClipCatalogue): string[] | null {
  const file = (k: string): string | null => cat.en[k]?.file ?? null;
  if (n < 20) return file(String(n)) ? [file(String(n))!] : null;
  if (n < 100) {
    const tens = file(String(n - (n % 10)));
    const ones = n % 10 ? file(String(n % 10)) : null;
    if (!tens || (n % 10 && !ones)) return null;
    return ones ? [tens, ones] : [tens];
  }
  return null;
}

export function planClipsEn(text: string, cat: ClipCatalogue = CLIP_CATALOGUE): ClipPlan {
  const phrases = Object.keys(cat.en)
    .filter((k) => !/^\d+$/.test(k))
    .sort((a, b) => b.split(' ').length - a.split(' ').length);
  const tokens = text
    .toLowerCase()
    .split(/[\s,.;:!?]+/)
    .filter(Boolean);
  const clips: string[] = [];
  const unknown: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    const phrase = phrases.find((p) => p.split(' ').every((w, k) => tokens[i + k] === w));
    if (phrase) {
      clips.push(cat.en[phrase]!.file);
      i += phrase.split(' ').length;
      continue;
    }
    if (/^\d+$/.test(tok)) {
      const spoken = englishNumber(Number(tok), cat) ?? Array.from(tok, (d) => cat.en[d]!.file);
      clips.push(...spoken);
    } else if (/^[a-z]$/.test(tok) && cat.letters[tok.toUpperCase()]) {
      clips.push(cat.letters[tok.toUpperCase()]!.file);
    } else {
      unknown.push(tok);
    }
    i++;
  }
  return { clips, unknown };
}
