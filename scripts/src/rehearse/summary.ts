// The rehearsal's figures: the server's waits against the simulator's for the same arrivals (and
// the simulator's 95% confidence interval over its replications), and the server under load.
import { simulate, type Scenario, type ScenarioWindow } from '@hallq/simulation';
import { percentile, type RehearsalRecord } from './drive';

export interface RehearsalSummary {
  scenario: string;
  speed: number;
  hours: number;
  arrivals: number;
  called: number;
  serverMeanWaitSeconds: number;
  simulatorSameArrivalsMeanWaitSeconds: number;
  simulatorMeanWaitCi95: [number, number] | null;
  /** The server's mean wait lies inside the simulator's 95% CI. */
  agrees: boolean;
  byHour: RehearsalRecord['byHour'];
  server: { callToScreenP50Ms: number | null; callToScreenP99Ms: number | null; calls: number; phoneUpdateP99Ms: number | null; phoneUpdates: number; rssMaxMb: number; cpuShare: number; wallSeconds: number };
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

export function summarise(scenario: Scenario, windows: ReadonlyArray<ScenarioWindow>, speed: number, hours: number, r: RehearsalRecord): RehearsalSummary {
  const sim = simulate({ ...scenario, hours, warmupHours: 0 }, { windows });
  const served = r.serverWaits.filter((w) => Number.isFinite(w));
  const serverMean = mean(served);
  const ci = sim.meanWaitCi95;
  const screen = [...r.callToScreenMs].sort((a, b) => a - b);
  const phones = [...r.callToPhoneMs].sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    speed,
    hours,
    arrivals: r.arrivals,
    called: served.length,
    serverMeanWaitSeconds: round(serverMean),
    simulatorSameArrivalsMeanWaitSeconds: round(mean(r.simulatorWaits)),
    simulatorMeanWaitCi95: ci,
    agrees: ci !== null && serverMean >= ci[0] && serverMean <= ci[1],
    byHour: r.byHour.map((h) => ({ hour: h.hour, server: h.server === null ? null : round(h.server), simulator: h.simulator === null ? null : round(h.simulator) })),
    server: {
      callToScreenP50Ms: screen.length ? round(percentile(screen, 50)) : null,
      callToScreenP99Ms: screen.length ? round(percentile(screen, 99)) : null,
      calls: screen.length,
      phoneUpdateP99Ms: phones.length ? round(percentile(phones, 99)) : null,
      phoneUpdates: phones.length,
      rssMaxMb: round(Math.max(0, ...r.rssBytes) / 1024 / 1024),
      cpuShare: round(r.cpuSeconds / Math.max(1e-9, r.wallSeconds), 3),
      wallSeconds: round(r.wallSeconds),
    },
  };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A self-contained HTML page: the figures and a bar chart of the mean wait by hour, server beside simulator. */
export function reportHtml(s: RehearsalSummary): string {
  const max = Math.max(1, ...s.byHour.flatMap((h) => [h.server ?? 0, h.simulator ?? 0]));
  const bw = 18;
  const bars = s.byHour
    .map((h, i) => {
      const x = 50 + i * (bw * 2 + 16);
      const bar = (v: number | null, dx: number, colour: string): string =>
        v === null ? '' : `<rect x="${x + dx}" y="${230 - (v / max) * 200}" width="${bw}" height="${(v / max) * 200}" fill="${colour}"><title>${round(v / 60)} min</title></rect>`;
      return `${bar(h.server, 0, '#2471a3')}${bar(h.simulator, bw, '#c0392b')}<text x="${x}" y="248" font-size="11">${String(h.hour).padStart(2, '0')}:00</text>`;
    })
    .join('');
  const width = 80 + s.byHour.length * (bw * 2 + 16);
  const rows: Array<[string, string]> = [
    ['visitors (arrived / called)', `${s.arrivals} / ${s.called}`],
    ['server mean wait', `${round(s.serverMeanWaitSeconds / 60, 2)} min`],
    ['simulator, same arrivals', `${round(s.simulatorSameArrivalsMeanWaitSeconds / 60, 2)} min`],
    ['simulator 95% CI (replications)', s.simulatorMeanWaitCi95 ? `${round(s.simulatorMeanWaitCi95[0] / 60, 2)} - ${round(s.simulatorMeanWaitCi95[1] / 60, 2)} min` : '-'],
    ['server inside the CI', s.agrees ? 'yes' : 'NO'],
    ['call to screen p50 / p99', `${s.server.callToScreenP50Ms ?? '-'} / ${s.server.callToScreenP99Ms ?? '-'} ms (${s.server.calls} calls)`],
    ['call to phone p99', `${s.server.phoneUpdateP99Ms ?? '-'} ms (${s.server.phoneUpdates} phones)`],
    ['server RSS (max)', `${s.server.rssMaxMb} MB`],
    ['server CPU', `${round(s.server.cpuShare * 100)}% of one core over ${s.server.wallSeconds} s`],
  ];
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Rehearsal ${esc(s.scenario)}</title>
<body style="font-family: sans-serif; max-width: 60rem; margin: 2rem auto">
<h1>Rehearsal: ${esc(s.scenario)}, ${s.hours} h at ${s.speed}x</h1>
<table>${rows.map(([k, v]) => `<tr><th style="text-align:left">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
<h2>Mean wait by hour of arrival: server (blue) and simulator (red), same arrivals</h2>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="260" role="img">${bars}<line x1="40" y1="230" x2="${width}" y2="230" stroke="#555"/></svg>
</body></html>
`;
}
