// The city dashboard (/city): every hall on a list and by district against its target, alerts
// when a hall goes offline or over target, today's trends; live through the hub's Socket.IO.
import { el, hallStatus, longestService, longestWait, minutes, serviceWait, type HallNow, type HallStatus } from './hall-status.js';
import { otherLangHref, pageLang, translator, type MessageKey } from './messages.js';
import { trendChart, type HourRow } from './trend-chart.js';

interface Figures {
  issued: number;
  served: number;
  waitSeconds: { mean: number | null };
  withinTargetShare: number | null;
}
interface CityStats extends Figures {
  byHall: Array<{ hallId: string } & Figures>;
  byHour: HourRow[];
}
interface SocketLike {
  on(event: string, cb: (...args: never[]) => void): void;
}
declare const io: (opts: { auth: { token: string }; transports?: string[] }) => SocketLike;

const lang = pageLang();
const t = translator(lang);
const TOKEN_KEY = 'hallq-hub-token';
const halls = new Map<string, HallNow>();
let stats: CityStats | null = null;
let live = false;
const app = document.getElementById('app')!;
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = t('cityTitle');

const STATUS_TEXT: Record<HallStatus, MessageKey> = { ok: 'statusOk', near: 'statusNear', over: 'statusOver', offline: 'statusOffline' };
const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const share = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = localStorage.getItem(TOKEN_KEY);
  const res = await fetch(`/api/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (res.status === 401) {
    localStorage.removeItem(TOKEN_KEY);
    renderLogin();
    throw new Error('unauthorized');
  }
  if (!res.ok) throw new Error(`${res.status}`);
  return (await res.json()) as T;
}

function renderLogin(error = false, username = ''): void {
  const user = el('input', { name: 'username', autocomplete: 'username', 'data-testid': 'username', value: username });
  const pass = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', 'data-testid': 'password' });
  const form = el('form', { class: 'login' }, el('h1', {}, t('cityTitle')), el('label', {}, t('username'), user), el('label', {}, t('password'), pass),
    el('button', { type: 'submit' }, t('login')), error ? el('p', { class: 'error', role: 'alert' }, t('loginFailed')) : '');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    fetch('/api/v1/hub/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.value, password: pass.value }) })
      .then(async (r) => {
        if (!r.ok) return renderLogin(true, user.value);
        localStorage.setItem(TOKEN_KEY, ((await r.json()) as { token: string }).token);
        void start();
      })
      .catch(() => renderLogin(true, user.value));
  });
  app.replaceChildren(form);
}

/** Districts as boxes; inside, halls placed by their location when known (a map-like layout). */
function districtMap(list: HallNow[]): HTMLElement {
  const byDistrict = new Map<string, HallNow[]>();
  for (const h of list) {
    const d = h.district ?? t('noDistrict');
    byDistrict.set(d, [...(byDistrict.get(d) ?? []), h]);
  }
  const boxes = [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([district, hs]) => {
    const located = hs.filter((h) => h.location);
    const lats = located.map((h) => h.location!.lat);
    const lngs = located.map((h) => h.location!.lng);
    const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
    const area = el('div', { class: 'district-area' });
    hs.forEach((h, i) => {
      const dot = el('span', { class: `dot ${hallStatus(h)}`, title: `${h.name}: ${t('waiting')} ${h.waiting}` }, String(h.waiting));
      const x = h.location && maxLng > minLng ? (h.location.lng - minLng) / (maxLng - minLng) : (i % 6) / 5;
      const y = h.location && maxLat > minLat ? 1 - (h.location.lat - minLat) / (maxLat - minLat) : Math.floor(i / 6) / Math.max(1, Math.ceil(hs.length / 6) - 1);
      dot.style.left = `${5 + x * 85}%`;
      dot.style.top = `${8 + y * 75}%`;
      area.append(dot);
    });
    const over = hs.filter((h) => hallStatus(h) === 'over').length;
    const off = hs.filter((h) => !h.online).length;
    return el('div', { class: 'district', 'data-testid': 'district' },
      el('h3', {}, `${district} · ${hs.length}`), area,
      el('small', {}, `${t('waiting')} ${hs.reduce((n, h) => n + h.waiting, 0)} · ${t('statusOver')} ${over} · ${t('statusOffline')} ${off}`));
  });
  return el('section', { class: 'map' }, el('h2', {}, t('map')), el('div', { class: 'districts' }, ...boxes));
}

function alerts(list: HallNow[]): HTMLElement {
  const items = list
    .filter((h) => hallStatus(h) === 'offline' || hallStatus(h) === 'over')
    .sort((a, b) => Number(a.online) - Number(b.online) || (longestWait(b) ?? 0) - (longestWait(a) ?? 0))
    .map((h) =>
      h.online
        ? el('li', { class: 'over' }, `${t('alertOver')}: ${h.name} ${minutes(longestWait(h))} ${t('minutes')} > ${minutes(h.waitTargetSeconds)} ${t('minutes')}`)
        : el('li', { class: 'offline' }, `${t('alertOffline')}: ${h.name}${h.lastContactAt ? ` (${new Date(h.lastContactAt).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB')})` : ''}`),
    );
  return el('section', { class: 'alerts', 'data-testid': 'alerts' }, el('h2', {}, `${t('alerts')} (${items.length})`), items.length ? el('ul', {}, ...items) : el('p', {}, t('noAlerts')));
}

function table(list: HallNow[]): HTMLElement {
  const within = new Map((stats?.byHall ?? []).map((r) => [r.hallId, r.withinTargetShare]));
  const head = el('tr', {}, ...(['halls', 'district', 'status', 'waiting', 'estimatedWait', 'target', 'withinTarget', 'lastEvent'] as const).map((k) => el('th', {}, t(k))));
  const rows = list.map((h) => {
    const s = hallStatus(h);
    return el('tr', { 'data-testid': 'hall-row' }, el('td', {}, h.name), el('td', {}, h.district ?? ''), el('td', { class: s }, t(STATUS_TEXT[s])),
      el('td', {}, String(h.waiting)), el('td', { class: 'wait', 'data-testid': 'hall-wait' }, serviceWait(lang, longestService(h)) ?? t('unknownWait')), el('td', {}, `${minutes(h.waitTargetSeconds)} ${t('minutes')}`),
      el('td', {}, share(within.get(h.id))), el('td', {}, h.lastEventAt ? new Date(h.lastEventAt).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '—'));
  });
  // A region that scrolls sideways on a phone: focusable, so it scrolls from the keyboard too.
  return el('section', { class: 'list' }, el('h2', { id: 'hall-list' }, t('list')),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'hall-list' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))));
}

function render(): void {
  const list = [...halls.values()].sort((a, b) => a.id.localeCompare(b.id));
  const kpi = (label: MessageKey, value: string) => el('div', { class: 'kpi' }, el('span', {}, t(label)), el('b', {}, value));
  const header = el('header', {}, el('h1', {}, t('cityTitle')),
    el('span', { class: live ? 'live on' : 'live', 'data-testid': 'live' }, live ? t('live') : t('reconnecting')),
    el('a', { href: otherLangHref(lang) }, t('language')));
  const online = list.filter((h) => h.online).length;
  const kpis = el('section', { class: 'kpis' },
    kpi('halls', `${online}/${list.length} ${t('online')}`), kpi('waitingNow', String(list.reduce((n, h) => n + h.waiting, 0))),
    kpi('issuedToday', String(stats?.issued ?? '—')), kpi('servedToday', String(stats?.served ?? '—')),
    kpi('meanWaitToday', `${minutes(stats?.waitSeconds.mean ?? null)} ${t('minutes')}`), kpi('withinTarget', share(stats?.withinTargetShare)));
  const trends = el('section', { class: 'trends' }, el('h2', {}, t('trends')), trendChart(stats?.byHour ?? [], t));
  app.replaceChildren(header, kpis, el('div', { class: 'columns' }, districtMap(list), alerts(list)), trends, table(list));
}

async function loadHalls(): Promise<void> {
  const list = await api<HallNow[]>('/hub/halls');
  halls.clear();
  for (const h of list) halls.set(h.id, h);
}

async function loadStats(): Promise<void> {
  stats = await api<CityStats>(`/hub/stats?from=${today()}&to=${today()}`);
}

async function start(): Promise<void> {
  await Promise.all([loadHalls(), loadStats()]);
  render();
  const socket = io({ auth: { token: localStorage.getItem(TOKEN_KEY) ?? '' }, transports: ['websocket'] });
  socket.on('connect', () => {
    live = true;
    render();
  });
  socket.on('disconnect', () => {
    live = false;
    render();
  });
  socket.on('hall.updated', (h: HallNow) => {
    halls.set(h.id, h);
    render();
  });
  // Offline is the absence of news: re-read the list now and then; today's figures too.
  setInterval(() => void loadHalls().then(render, () => undefined), 20_000);
  setInterval(() => void loadStats().then(render, () => undefined), 60_000);
}

if (localStorage.getItem(TOKEN_KEY)) start().catch(() => renderLogin());
else renderLogin();
