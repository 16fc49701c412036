// The KPI contract: one fixture of two halls' event logs with every expected figure worked out by
// hand. Every KPI store (SQLite in the hall, PostgreSQL in the hub) and the hall's own in-memory
// computation must give exactly these; each workspace runs the same cases against its engine.
import type { HallEvent } from '../events';
import type { Figures } from '../answers/stats';
import type { KpiRange } from './kpi-sql';

class FixtureLog {
  readonly events: HallEvent[] = [];
  private readonly svc = new Map<string, { serviceId: string; window: number }>();
  constructor(private readonly hallId: string) {}
  private push(type: HallEvent['type'], at: string, payload: object): this {
    this.events.push({ ...payload, seq: this.events.length + 1, type, at: new Date(at).toISOString(), hallId: this.hallId, actor: { kind: 'system', id: null } } as HallEvent);
    return this;
  }
  private ref(id: string) {
    const t = this.svc.get(id)!;
    return { ticketId: id, number: id, serviceId: t.serviceId, windowId: `win-${t.window}`, windowNumber: t.window, staffId: `s${t.window}`, stage: 0 };
  }
  issue(id: string, serviceId: string, at: string): this {
    this.svc.set(id, { serviceId, window: 0 });
    return this.push('ticket.issued', at, {
      ticket: { id, number: id, serviceId, stage: 0, status: 'waiting', priority: false, issuedAt: new Date(at).toISOString(), serviceDate: at.slice(0, 10), peopleAhead: 0, estimatedWaitSeconds: null },
    });
  }
  call(id: string, window: number, at: string, recorded: { waitTargetSeconds?: number; organisationId?: string } = {}): this {
    this.svc.get(id)!.window = window;
    return this.push('ticket.called', at, { ...this.ref(id), recall: false, ...recorded });
  }
  window(window: number, state: 'open' | 'paused' | 'closed', at: string): this {
    return this.push('window.changed', at, { window: { id: `win-${window}`, number: window, zone: '', state, staffId: state === 'closed' ? null : `s${window}`, skills: [] } });
  }
  start(id: string, at: string): this {
    return this.push('ticket.started', at, this.ref(id));
  }
  complete(id: string, at: string, firstTimeAccepted: boolean | null): this {
    return this.push('ticket.completed', at, { ...this.ref(id), firstTimeAccepted });
  }
  noShow(id: string, at: string): this {
    return this.push('ticket.no_show', at, this.ref(id));
  }
  transfer(id: string, at: string): this {
    const r = this.ref(id);
    return this.push('ticket.transferred', at, { ticketId: id, number: id, fromServiceId: r.serviceId, fromStage: 0, serviceId: r.serviceId, stage: 1, windowId: r.windowId, staffId: r.staffId });
  }
  cancel(id: string, at: string): this {
    return this.push('ticket.cancelled', at, { ticketId: id, number: id, serviceId: this.svc.get(id)!.serviceId, by: 'visitor' });
  }
  rate(id: string, at: string, level: 1 | 2 | 3 | 4 | 5): this {
    const r = this.ref(id);
    return this.push('ticket.rated', at, { ticketId: id, number: id, serviceId: r.serviceId, windowId: r.windowId, staffId: r.staffId, level, bad: level >= 4, by: 'rating-pad' });
  }
}

export interface KpiContractHall {
  hallId: string;
  timezone: string;
  waitTargetSeconds: number;
  services: Array<{ serviceId: string; waitTargetSeconds: number | null; moduleId: string | null }>;
  /** The hall's staff catalogue (organisation now), where the store keeps one. */
  staff: Array<{ staffId: string; organisationId: string }>;
  events: HallEvent[];
}

/** The fixture's "now": windows still open are counted open until then. */
export const KPI_CONTRACT_NOW = Date.parse('2026-01-05T04:00:00Z');

/**
 * h1 (Asia/Shanghai, target 2400 s; svc-b has its own 600 s), 2026-01-05 local:
 *  T1 svc-a 09:00 called 09:20 (wait 1200) served 09:21-09:31 (600) accepted, rated 1
 *  T2 svc-a 09:05 called 09:50 (2700 > 2400) served 09:51-10:01 (600), transferred; called 10:11, served 10:12-10:32 (1200), not accepted, rated 4
 *  T3 svc-b 09:10 called 09:20 (600 = its target: within), no-show 09:25
 *  T4 svc-b 10:00 cancelled 10:10
 *  T5 svc-a 10:30 called 11:10 (2400 = target: within) served 11:10-11:15 (300), no flag, rated 3
 *  T6 issued 23:59 the day before, T7 00:00 the day after: other days
 *  Visits (one call each) by window / staff (s1 at window 1, s2 at window 2) / organisation:
 *   window 1, s1: T1 (org-a recorded on the call), T2's second call (org-c recorded: s1 moved since;
 *   waits from its transfer, 600), T5 (org-a); window 2, s2: T3 and T2's first call (org-b). Ratings
 *   go to window 1 / s1: T1's to org-a (its call), T2's to org-c (s1's last call of T2), T5's to org-a.
 *  Window 1 open 08:55-10:40 and 10:50-11:30 (8700 s), busy 2220 s; window 2 open from 09:00 and
 *   still at "now" 12:00 (10800 s), busy 960 s (T6's call is another day's ticket); window 3 open
 *   09:00-09:30 with no visitor. Modules: svc-a in mod-1, svc-b in mod-2.
 * h2 (UTC, target 900 s), 2026-01-05 local:
 *  U1 svc-x 10:00 called 10:30 (1800 > 900, but the call recorded the target then in force, 1800: within)
 *     served 10:30-10:40 (600) accepted
 *  U2 svc-x 23:30 (in Shanghai already the 6th; here the 5th), still waiting
 *  svc-x has no module known (unknown); U1's call recorded no organisation and the hall's catalogue
 *  has none for its staff member (unknown)
 */
export function kpiContractHalls(): KpiContractHall[] {
  const h1 = new FixtureLog('h1')
    .issue('T6', 'svc-a', '2026-01-04T15:59:00Z')
    .window(1, 'open', '2026-01-05T00:55:00Z')
    .window(2, 'open', '2026-01-05T01:00:00Z')
    .window(3, 'open', '2026-01-05T01:00:00Z')
    .issue('T1', 'svc-a', '2026-01-05T01:00:00Z')
    .call('T6', 2, '2026-01-05T01:01:00Z')
    .noShow('T6', '2026-01-05T01:02:00Z')
    .issue('T2', 'svc-a', '2026-01-05T01:05:00Z')
    .issue('T3', 'svc-b', '2026-01-05T01:10:00Z')
    .call('T1', 1, '2026-01-05T01:20:00Z', { organisationId: 'org-a' })
    .call('T3', 2, '2026-01-05T01:20:00Z', { organisationId: 'org-b' })
    .start('T1', '2026-01-05T01:21:00Z')
    .noShow('T3', '2026-01-05T01:25:00Z')
    .complete('T1', '2026-01-05T01:31:00Z', true)
    .rate('T1', '2026-01-05T01:32:00Z', 1)
    .call('T2', 2, '2026-01-05T01:50:00Z', { organisationId: 'org-b' })
    .start('T2', '2026-01-05T01:51:00Z')
    .issue('T4', 'svc-b', '2026-01-05T02:00:00Z')
    .transfer('T2', '2026-01-05T02:01:00Z')
    .cancel('T4', '2026-01-05T02:10:00Z')
    .window(3, 'closed', '2026-01-05T01:30:00Z')
    .call('T2', 1, '2026-01-05T02:11:00Z', { organisationId: 'org-c' })
    .start('T2', '2026-01-05T02:12:00Z')
    .issue('T5', 'svc-a', '2026-01-05T02:30:00Z')
    .complete('T2', '2026-01-05T02:32:00Z', false)
    .rate('T2', '2026-01-05T02:33:00Z', 4)
    .window(1, 'paused', '2026-01-05T02:40:00Z')
    .window(1, 'open', '2026-01-05T02:50:00Z')
    .call('T5', 1, '2026-01-05T03:10:00Z', { organisationId: 'org-a' })
    .start('T5', '2026-01-05T03:10:00Z')
    .complete('T5', '2026-01-05T03:15:00Z', null)
    .rate('T5', '2026-01-05T03:16:00Z', 3)
    .window(1, 'closed', '2026-01-05T03:30:00Z')
    .issue('T7', 'svc-a', '2026-01-05T16:00:00Z');
  const h2 = new FixtureLog('h2')
    .issue('U1', 'svc-x', '2026-01-05T10:00:00Z')
    .call('U1', 1, '2026-01-05T10:30:00Z', { waitTargetSeconds: 1800 })
    .start('U1', '2026-01-05T10:30:00Z')
    .complete('U1', '2026-01-05T10:40:00Z', true)
    .issue('U2', 'svc-x', '2026-01-05T23:30:00Z');
  return [
    {
      hallId: 'h1', timezone: 'Asia/Shanghai', waitTargetSeconds: 2400,
      services: [{ serviceId: 'svc-a', waitTargetSeconds: null, moduleId: 'mod-1' }, { serviceId: 'svc-b', waitTargetSeconds: 600, moduleId: 'mod-2' }],
      staff: [{ staffId: 's1', organisationId: 'org-a' }, { staffId: 's2', organisationId: 'org-b' }],
      events: h1.events,
    },
    { hallId: 'h2', timezone: 'UTC', waitTargetSeconds: 900, services: [{ serviceId: 'svc-x', waitTargetSeconds: null, moduleId: null }], staff: [], events: h2.events },
  ];
}

const noRatings = { count: 0, byLevel: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, satisfiedShare: null, bad: 0 };

const H1: Figures = {
  issued: 5, served: 3, noShow: 1, cancelled: 1, transferred: 1,
  // waits 600, 1200, 2400, 2700: mean 1725; nearest rank p50 = 2nd = 1200, p90 = 4th = 2700
  waitSeconds: { mean: 1725, p50: 1200, p90: 2700, max: 2700 },
  withinTargetShare: 0.75,
  // served visits 300, 600, 600, 1200
  serviceSeconds: { mean: 675, p50: 600, p90: 1200 },
  firstTimeAcceptedShare: 0.5,
  ratings: { count: 3, byLevel: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 0 }, satisfiedShare: 2 / 3, bad: 1 },
};

const H2: Figures = {
  issued: 2, served: 1, noShow: 0, cancelled: 0, transferred: 0,
  waitSeconds: { mean: 1800, p50: 1800, p90: 1800, max: 1800 },
  withinTargetShare: 1,
  serviceSeconds: { mean: 600, p50: 600, p90: 600 },
  firstTimeAcceptedShare: 1,
  ratings: noRatings,
};

// Per visit (byWindow, byStaff, byOrganisation).
const WINDOW_1: Figures = {
  issued: 3, served: 3, noShow: 0, cancelled: 0, transferred: 0,
  // waits 1200 (T1), 600 (T2 from its transfer), 2400 (T5)
  waitSeconds: { mean: 1400, p50: 1200, p90: 2400, max: 2400 }, withinTargetShare: 1,
  serviceSeconds: { mean: 700, p50: 600, p90: 1200 }, firstTimeAcceptedShare: 0.5,
  ratings: { count: 3, byLevel: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 0 }, satisfiedShare: 2 / 3, bad: 1 },
};
const WINDOW_2: Figures = {
  issued: 2, served: 0, noShow: 1, cancelled: 0, transferred: 1,
  // waits 600 (T3, its service's target: within), 2700 (T2's first call: not)
  waitSeconds: { mean: 1650, p50: 600, p90: 2700, max: 2700 }, withinTargetShare: 0.5,
  serviceSeconds: { mean: 600, p50: 600, p90: 600 }, firstTimeAcceptedShare: null, ratings: noRatings,
};
const ORG_A: Figures = {
  issued: 2, served: 2, noShow: 0, cancelled: 0, transferred: 0,
  waitSeconds: { mean: 1800, p50: 1200, p90: 2400, max: 2400 }, withinTargetShare: 1,
  serviceSeconds: { mean: 450, p50: 300, p90: 600 }, firstTimeAcceptedShare: 1,
  ratings: { count: 2, byLevel: { 1: 1, 2: 0, 3: 1, 4: 0, 5: 0 }, satisfiedShare: 1, bad: 0 },
};
const ORG_C: Figures = {
  issued: 1, served: 1, noShow: 0, cancelled: 0, transferred: 0,
  waitSeconds: { mean: 600, p50: 600, p90: 600, max: 600 }, withinTargetShare: 1,
  serviceSeconds: { mean: 1200, p50: 1200, p90: 1200 }, firstTimeAcceptedShare: 0,
  ratings: { count: 1, byLevel: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 }, satisfiedShare: 0, bad: 1 },
};
const U1_VISIT: Figures = { ...H2, issued: 1 };

type WindowRow = { hallId: string; windowId: string; windowNumber: number | null; openSeconds: number; busySeconds: number; utilisation: number | null } & Figures;
const H1_WINDOWS: WindowRow[] = [
  { hallId: 'h1', windowId: 'win-1', windowNumber: 1, ...WINDOW_1, openSeconds: 8700, busySeconds: 2220, utilisation: 2220 / 8700 },
  { hallId: 'h1', windowId: 'win-2', windowNumber: 2, ...WINDOW_2, openSeconds: 10800, busySeconds: 960, utilisation: 960 / 10800 },
  { hallId: 'h1', windowId: 'win-3', windowNumber: 3, ...zeroFigures(), openSeconds: 1800, busySeconds: 0, utilisation: 0 },
];
const H1_STAFF = [{ hallId: 'h1', staffId: 's1', ...WINDOW_1 }, { hallId: 'h1', staffId: 's2', ...WINDOW_2 }];
const H1_ORGANISATIONS = [
  { hallId: 'h1', organisationId: 'org-a', ...ORG_A },
  { hallId: 'h1', organisationId: 'org-b', ...WINDOW_2 },
  { hallId: 'h1', organisationId: 'org-c', ...ORG_C },
];
const MONDAY_ONLY = { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };

export interface KpiContractCase {
  name: string;
  range: KpiRange;
  total: Figures;
  byHall?: Array<{ hallId: string } & Figures>;
  byService?: Array<{ hallId: string; serviceId: string } & Figures>;
  byModule?: Array<{ hallId: string; moduleId: string } & Figures>;
  byWindow?: WindowRow[];
  byStaff?: Array<{ hallId: string; staffId: string } & Figures>;
  byOrganisation?: Array<{ hallId: string; organisationId: string } & Figures>;
  byHour?: Array<{ hour: number } & Figures>;
  arrivals?: { cells: Array<{ weekday: number; hour: number; issued: number }>; days: Record<string, number> };
}

const SVC_A: { hallId: string; serviceId: string } & Figures = {
  hallId: 'h1', serviceId: 'svc-a', issued: 3, served: 3, noShow: 0, cancelled: 0, transferred: 1,
  // waits 1200, 2400, 2700
  waitSeconds: { mean: 2100, p50: 2400, p90: 2700, max: 2700 }, withinTargetShare: 2 / 3,
  serviceSeconds: { mean: 675, p50: 600, p90: 1200 }, firstTimeAcceptedShare: 0.5,
  ratings: { count: 3, byLevel: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 0 }, satisfiedShare: 2 / 3, bad: 1 },
};
const SVC_B: { hallId: string; serviceId: string } & Figures = {
  hallId: 'h1', serviceId: 'svc-b', issued: 2, served: 0, noShow: 1, cancelled: 1, transferred: 0,
  waitSeconds: { mean: 600, p50: 600, p90: 600, max: 600 }, withinTargetShare: 1,
  serviceSeconds: { mean: null, p50: null, p90: null }, firstTimeAcceptedShare: null, ratings: noRatings,
};
const asModule = ({ serviceId: _s, ...row }: { hallId: string; serviceId: string } & Figures, moduleId: string) => ({ ...row, moduleId });

export const KPI_CONTRACT_CASES: readonly KpiContractCase[] = [
  {
    name: 'one hall: its local day only, waits to the first call, the service target wins, ratings and acceptance',
    range: { from: '2026-01-05', to: '2026-01-05', hallId: 'h1', now: KPI_CONTRACT_NOW },
    total: H1,
    byService: [SVC_A, SVC_B],
    byModule: [asModule(SVC_A, 'mod-1'), asModule(SVC_B, 'mod-2')],
    byWindow: H1_WINDOWS,
    byStaff: H1_STAFF,
    byOrganisation: H1_ORGANISATIONS,
    arrivals: { cells: [{ weekday: 1, hour: 9, issued: 3 }, { weekday: 1, hour: 10, issued: 2 }], days: MONDAY_ONLY },
  },
  {
    name: 'a hall in another timezone: its own local day; a call that recorded its target is judged by it',
    range: { from: '2026-01-05', to: '2026-01-05', hallId: 'h2', now: KPI_CONTRACT_NOW },
    total: H2,
    byModule: [{ hallId: 'h2', moduleId: 'unknown', ...H2 }],
    // No window.changed events: never open; its visit's time still counts as busy.
    byWindow: [{ hallId: 'h2', windowId: 'win-1', windowNumber: 1, ...U1_VISIT, openSeconds: 0, busySeconds: 600, utilisation: null }],
    byStaff: [{ hallId: 'h2', staffId: 's1', ...U1_VISIT }],
    byOrganisation: [{ hallId: 'h2', organisationId: 'unknown', ...U1_VISIT }],
  },
  {
    name: 'the city: every hall in its own timezone, totals over halls, by hall and by local hour',
    range: { from: '2026-01-05', to: '2026-01-05', hallId: null, now: KPI_CONTRACT_NOW },
    total: {
      issued: 7, served: 4, noShow: 1, cancelled: 1, transferred: 1,
      // waits 600, 1200, 1800, 2400, 2700: mean 1740, p50 = 3rd, p90 = 5th
      waitSeconds: { mean: 1740, p50: 1800, p90: 2700, max: 2700 },
      // within: T1, T3, T5 and U1 (its recorded target); T2 not
      withinTargetShare: 0.8,
      // 300, 600, 600, 600, 1200
      serviceSeconds: { mean: 660, p50: 600, p90: 1200 },
      firstTimeAcceptedShare: 2 / 3,
      ratings: { count: 3, byLevel: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 0 }, satisfiedShare: 2 / 3, bad: 1 },
    },
    byHall: [{ hallId: 'h1', ...H1 }, { hallId: 'h2', ...H2 }],
    // Per-hall keys come with their hall: window 1 and staff member s1 of h1 and of h2 are apart.
    byModule: [asModule(SVC_A, 'mod-1'), asModule(SVC_B, 'mod-2'), { hallId: 'h2', moduleId: 'unknown', ...H2 }],
    byWindow: [...H1_WINDOWS, { hallId: 'h2', windowId: 'win-1', windowNumber: 1, ...U1_VISIT, openSeconds: 0, busySeconds: 600, utilisation: null }],
    byStaff: [...H1_STAFF, { hallId: 'h2', staffId: 's1', ...U1_VISIT }],
    byOrganisation: [...H1_ORGANISATIONS, { hallId: 'h2', organisationId: 'unknown', ...U1_VISIT }],
    arrivals: { cells: [{ weekday: 1, hour: 9, issued: 3 }, { weekday: 1, hour: 10, issued: 3 }, { weekday: 1, hour: 23, issued: 1 }], days: MONDAY_ONLY },
    byHour: [
      {
        hour: 9, issued: 3, served: 2, noShow: 1, cancelled: 0, transferred: 1,
        waitSeconds: { mean: 1500, p50: 1200, p90: 2700, max: 2700 }, withinTargetShare: 2 / 3,
        serviceSeconds: { mean: 800, p50: 600, p90: 1200 }, firstTimeAcceptedShare: 0.5,
        ratings: { count: 2, byLevel: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 0 }, satisfiedShare: 0.5, bad: 1 },
      },
      {
        hour: 10, issued: 3, served: 2, noShow: 0, cancelled: 1, transferred: 0,
        waitSeconds: { mean: 2100, p50: 1800, p90: 2400, max: 2400 }, withinTargetShare: 1,
        serviceSeconds: { mean: 450, p50: 300, p90: 600 }, firstTimeAcceptedShare: 1,
        ratings: { count: 1, byLevel: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 0 }, satisfiedShare: 1, bad: 0 },
      },
      {
        hour: 23, issued: 1, served: 0, noShow: 0, cancelled: 0, transferred: 0,
        waitSeconds: { mean: null, p50: null, p90: null, max: null }, withinTargetShare: null,
        serviceSeconds: { mean: null, p50: null, p90: null }, firstTimeAcceptedShare: null, ratings: noRatings,
      },
    ],
  },
  {
    name: 'a range with no tickets: zeros and nulls, never NaN',
    range: { from: '2026-02-01', to: '2026-02-02', hallId: null, now: KPI_CONTRACT_NOW },
    total: {
      issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0,
      waitSeconds: { mean: null, p50: null, p90: null, max: null }, withinTargetShare: null,
      serviceSeconds: { mean: null, p50: null, p90: null }, firstTimeAcceptedShare: null, ratings: noRatings,
    },
    byHall: [{ hallId: 'h1', ...zeroFigures() }, { hallId: 'h2', ...zeroFigures() }],
    byModule: [], byWindow: [], byStaff: [], byOrganisation: [],
    // 2026-02-01 is a Sunday, the 2nd a Monday.
    arrivals: { cells: [], days: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 1 } },
  },
];

function zeroFigures(): Figures {
  return {
    issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0,
    waitSeconds: { mean: null, p50: null, p90: null, max: null }, withinTargetShare: null,
    serviceSeconds: { mean: null, p50: null, p90: null }, firstTimeAcceptedShare: null, ratings: noRatings,
  };
}
