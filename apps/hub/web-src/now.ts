// The citizens' "which hall now" page (/now): every hall with its queue and estimated wait,
// shortest first, offline halls last, each linking to the hall's own page (remote queue) when known.
import { el, hallStatus, longestService, longestWait, serviceWait, type HallNow } from './hall-status.js';
import { otherLangHref, pageLang, translator } from './messages.js';

const lang = pageLang();
const t = translator(lang);
const app = document.getElementById('app')!;
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = t('nowTitle');

const serviceName = (n: { zh?: string; en?: string }, id: string): string => (lang === 'en' ? n.en ?? n.zh : n.zh ?? n.en) ?? id;

function card(h: HallNow): HTMLElement {
  const status = hallStatus(h);
  const services = h.services.filter((s) => s.waiting > 0);
  return el('article', { class: `hall ${status}`, 'data-testid': 'hall-card' },
    el('header', {}, el('h2', {}, h.name), el('span', { class: 'badge' }, h.online ? t('online') : t('offline'))),
    el('p', { class: 'area' }, h.district ?? ''),
    el('p', { class: 'summary' },
      el('span', {}, `${t('waiting')} `, el('b', {}, String(h.waiting)), ` ${t('people')}`),
      el('span', {}, `${t('estimatedWait')} `, el('b', { 'data-testid': 'hall-wait' }, serviceWait(lang, longestService(h)) ?? t('unknownWait')))),
    services.length === 0
      ? el('p', { class: 'muted' }, t('noService'))
      : el('ul', {}, ...services.map((s) => el('li', {}, el('span', { class: 'name' }, serviceName(s.name, s.id)),
        el('span', { class: 'wait', 'data-testid': 'service-wait' }, `${t('waitingPeople').replace('{n}', String(s.waiting))} · ${serviceWait(lang, s) ?? t('unknownWait')}`)))),
    h.publicPageUrl ? el('a', { class: 'go', href: `${h.publicPageUrl}${lang === 'en' ? '?lang=en' : ''}` }, t('openHall')) : '');
}

async function refresh(): Promise<void> {
  const res = await fetch('/api/v1/hub/halls');
  const halls = (await res.json()) as HallNow[];
  halls.sort((a, b) => Number(b.online) - Number(a.online) || (longestWait(a) ?? 0) - (longestWait(b) ?? 0) || a.waiting - b.waiting);
  app.replaceChildren(
    el('header', { class: 'top' }, el('h1', {}, t('nowTitle')), el('a', { href: otherLangHref(lang) }, t('language'))),
    el('p', { class: 'muted' }, `${t('nowSubtitle')} · ${t('sortedByWait')}`),
    ...halls.map(card),
    el('p', { class: 'muted small' }, `${t('updatedAt')} ${new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB')}`),
  );
}

void refresh();
setInterval(() => void refresh().catch(() => undefined), 20_000);
