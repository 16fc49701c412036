// Message catalogues and the language switch. Pages open in Chinese whatever the browser says;
// `?lang=en` or the switch turns English on (remembered for the session).
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { fillPlaceholders, langOfSearch } from '@hallq/shared';
import * as common from './common';
import * as counter from './counter';
import * as board from './board';
import * as admin from './admin';
import * as reports from './reports';
import * as planner from './planner';

export type Lang = 'zh' | 'en';
const zh = { ...common.zh, ...counter.zh, ...board.zh, ...admin.zh, ...reports.zh, ...planner.zh };
export type MessageKey = keyof typeof zh;
const catalogues: Record<Lang, Record<MessageKey, string>> = {
  zh,
  en: { ...common.en, ...counter.en, ...board.en, ...admin.en, ...reports.en, ...planner.en },
};

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[lang][key] ?? key;
  return params ? fillPlaceholders(text, params) : text;
}

export function initialLang(search: string, stored: string | null): Lang {
  return langOfSearch(search) ?? (stored === 'en' ? 'en' : 'zh');
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
  /** Picks the zh or en side of a LocalizedText. */
  pick(text: { zh: string; en: string } | undefined | null): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang(window.location.search, sessionStorage.getItem('hallq.console.lang')));
  const setLang = useCallback((l: Lang) => {
    sessionStorage.setItem('hallq.console.lang', l);
    setLangState(l);
  }, []);
  // The page's language follows the words shown, from the first render (opened with ?lang=en or
  // in English from earlier in the session too): a screen reader reads them in that language.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      pick: (text) => (text ? (lang === 'en' ? text.en || text.zh : text.zh || text.en) : ''),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
