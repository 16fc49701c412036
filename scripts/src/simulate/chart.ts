// An SVG line chart of the mean wait by hour of arrival, one line per window set (before/after),
// with the wait target as a dashed line. Plain SVG text: no dependency, opens in any browser.
import type { SimulationResult } from '@hallq/simulation';

const COLOURS = ['#c0392b', '#2471a3', '#229954', '#7d3c98', '#b9770e'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function waitChartSvg(title: string, series: ReadonlyArray<{ label: string; result: SimulationResult }>, targetMinutes: number): string {
  const width = 720;
  const height = 400;
  const m = { left: 60, right: 20, top: 40, bottom: 70 };
  const hours = [...new Set(series.flatMap((s) => s.result.hourly.map((h) => h.hour)))].sort((a, b) => a - b);
  const values = series.flatMap((s) => s.result.hourly.map((h) => (h.meanWaitSeconds ?? 0) / 60));
  const yMax = Math.max(targetMinutes * 1.2, ...values) * 1.05;
  const x0 = hours[0] ?? 0;
  const x1 = Math.max(x0 + 1, (hours[hours.length - 1] ?? 0) + 1);
  const px = (h: number): number => m.left + ((h + 0.5 - x0) / (x1 - x0)) * (width - m.left - m.right);
  const py = (minutes: number): number => height - m.bottom - (minutes / yMax) * (height - m.top - m.bottom);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`);
  const step = yMax > 150 ? 30 : yMax > 60 ? 20 : 10;
  for (let v = 0; v <= yMax; v += step) {
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${py(v)}" y2="${py(v)}" stroke="#eee"/>`);
    out.push(`<text x="${m.left - 6}" y="${py(v) + 4}" text-anchor="end">${v}</text>`);
  }
  for (const h of hours) out.push(`<text x="${px(h)}" y="${height - m.bottom + 16}" text-anchor="middle">${String(h).padStart(2, '0')}:00</text>`);
  out.push(`<text x="16" y="${(height - m.bottom + m.top) / 2}" transform="rotate(-90 16 ${(height - m.bottom + m.top) / 2})" text-anchor="middle">mean wait (min) by hour of arrival</text>`);
  out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${py(targetMinutes)}" y2="${py(targetMinutes)}" stroke="#555" stroke-dasharray="6 4"/>`);
  out.push(`<text x="${width - m.right}" y="${py(targetMinutes) - 4}" text-anchor="end" fill="#555">target ${targetMinutes} min</text>`);
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = s.result.hourly.filter((h) => h.meanWaitSeconds !== null).map((h) => `${px(h.hour).toFixed(1)},${py(h.meanWaitSeconds! / 60).toFixed(1)}`);
    out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${pts.join(' ')}"/>`);
    for (const p of pts) {
      const [x, y] = p.split(',');
      out.push(`<circle cx="${x}" cy="${y}" r="3" fill="${colour}"/>`);
    }
    const ly = height - 28;
    const lx = m.left + i * 260;
    out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2.5"/>`);
    out.push(`<text x="${lx + 30}" y="${ly + 4}">${esc(s.label)} (mean ${(s.result.meanWaitSeconds / 60).toFixed(1)} min)</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
