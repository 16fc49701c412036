// Today's trend by hour: tickets issued (bars) and the share within target (line), as SVG.
import type { MessageKey } from './messages.js';

export interface HourRow {
  hour: number;
  issued: number;
  withinTargetShare: number | null;
}

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function trendChart(rows: HourRow[], t: (k: MessageKey) => string): SVGElement {
  const W = 720;
  const H = 180;
  const hours = Array.from({ length: 24 }, (_, h) => rows.find((r) => r.hour === h) ?? { hour: h, issued: 0, withinTargetShare: null });
  const max = Math.max(1, ...hours.map((r) => r.issued));
  const bw = (W - 40) / 24;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H + 30}`, class: 'trend', role: 'img', 'aria-label': t('trends'), 'data-testid': 'trend' });
  const points: string[] = [];
  hours.forEach((r, i) => {
    const x = 30 + i * bw;
    const h = (r.issued / max) * (H - 20);
    root.append(svg('rect', { x: x + 2, y: H - h, width: bw - 4, height: h, class: 'bar' }));
    if (i % 3 === 0) root.append(svg('text', { x: x + bw / 2, y: H + 16, 'text-anchor': 'middle', class: 'axis' }, `${r.hour}`));
    if (r.withinTargetShare !== null) points.push(`${x + bw / 2},${H - r.withinTargetShare * (H - 20)}`);
  });
  if (points.length > 1) root.append(svg('polyline', { points: points.join(' '), class: 'within' }));
  root.append(svg('text', { x: 30, y: 12, class: 'legend bar-legend' }, `■ ${t('issuedPerHour')} (max ${max})`));
  root.append(svg('text', { x: 260, y: 12, class: 'legend within-legend' }, `— ${t('withinPerHour')}`));
  return root;
}
