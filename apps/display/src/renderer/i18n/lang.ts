import { langOfSearch, type Lang } from '@hallq/shared';
import { en, zh, type Messages } from './messages';

/** Chinese whatever the browser says; English only with ?lang=en. */
export function pageLang(search: string = typeof location === 'undefined' ? '' : location.search): Lang {
  return langOfSearch(search) ?? 'zh';
}

export const messages = (lang: Lang): Messages => (lang === 'en' ? en : zh);

/** The other language, shown smaller as a second line on the lobby screens. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');
