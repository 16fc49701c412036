// The two helpers every app's message catalogue needs; the catalogues themselves (zh-CN first,
// en second, typed so a missing key does not compile) stay with each app.
import type { Lang } from './domain';

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a bad catalogue shows. */
export function fillPlaceholders(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}

/** The language a page's address asks for (`?lang=en`, `?lang=zh` or `zh-CN`); null when none. */
export function langOfSearch(search: string): Lang | null {
  // Read by hand: this package runs where URLSearchParams may not exist.
  const lang = /(?:^|[?&])lang=([^&#]*)/.exec(search)?.[1];
  if (lang === 'en') return 'en';
  if (lang === 'zh' || lang === 'zh-CN') return 'zh';
  return null;
}
