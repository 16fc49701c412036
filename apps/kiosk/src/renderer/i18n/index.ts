import { fillPlaceholders, langOfSearch, type Lang, type LocalizedText } from '@hallq/shared';
import { en } from './en';
import { zh } from './zh';
import type { Messages } from './zh';

export type { Messages };
export type MessageKey = keyof Messages;
export const catalogues: Record<Lang, Messages> = { zh, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders (an unknown one stays visible). */
export const fill = fillPlaceholders;

export function translator(lang: Lang): Translate {
  const messages = catalogues[lang];
  return (key, vars) => fill(messages[key], vars);
}

export function localized(text: LocalizedText, lang: Lang): string {
  return (lang === 'en' ? text.en : text.zh) || text.zh;
}

/** Pages open in Chinese whatever the browser says; `?lang=en` opens them in English. */
export function langFromSearch(search: string, fallback: Lang = 'zh'): Lang {
  return langOfSearch(search) ?? fallback;
}
