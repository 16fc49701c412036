// What the console's size audits share: one hall server and one browser for the test file, a
// service with a very long Chinese name that the chosen windows serve first, a kiosk token to
// issue its tickets, and each test's findings collected and expected empty at its end (so one run
// lists them all).
import type { Page } from 'playwright-core';
import { useHallAndBrowser, type HallUnderTest } from '../support';
import { audit, type Size } from './audit';

export const LONG_ZH = '建设工程规划许可证核发及建筑工程施工许可证联合办理（含人防与消防设计审查）';
export const LONG_EN = 'Joint planning and construction permits';

export interface ConsoleAudit extends HallUnderTest {
  readonly admin: string;
  readonly kiosk: string;
  /** The long-named service, tier 1 at each window of `windows`. */
  readonly serviceId: string;
  readonly moduleId: string;
  /** Audits the page at `sizes` and keeps its findings for the end of the test. */
  check(page: Page, name: string, sizes: Size[]): Promise<void>;
  /** Keeps a finding of the test's own (e.g. a focus or layout check). */
  report(...problems: string[]): void;
  /** Issues a ticket of the long service at the kiosk; its number. */
  issue(): Promise<{ id: string; number: string }>;
}

export const langQuery = (lang: string): string => (lang === 'en' ? '?lang=en' : '');

/** Registers the file's hooks; call once at the top of a test file. */
export function useConsoleAudit(options: { windows: number[] }): ConsoleAudit {
  const hall = useHallAndBrowser();
  let admin = '';
  let kiosk = '';
  let serviceId = '';
  let moduleId = '';
  let problems: string[] = [];

  beforeAll(async () => {
    const server = hall.server;
    admin = await server.login('admin');
    kiosk = await server.deviceToken('kiosk');
    const config = await server.api<{ modules: Array<{ id: string }>; windows: Array<{ id: string; number: number; skills: Array<{ serviceId: string; tier: number }> }> }>('GET', '/halls/demo', undefined, admin);
    moduleId = config.body.modules[0]!.id;
    const created = await server.api<{ service: { id: string } }>('POST', '/halls/demo/services', { code: 'LONG1', prefix: 'Z', name: { zh: LONG_ZH, en: LONG_EN }, moduleId }, admin);
    expect(created.status).toBe(201);
    serviceId = created.body.service.id;
    for (const n of options.windows) {
      const w = config.body.windows.find((x) => x.number === n)!;
      expect((await server.api('PATCH', `/halls/demo/windows/${w.id}`, { skills: [{ serviceId, tier: 1 }, ...w.skills] }, admin)).status).toBe(200);
    }
  });
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  return {
    get server() {
      return hall.server;
    },
    get browser() {
      return hall.browser;
    },
    signIn: (username, signInOptions) => hall.signIn(username, signInOptions),
    get admin() {
      return admin;
    },
    get kiosk() {
      return kiosk;
    },
    get serviceId() {
      return serviceId;
    },
    get moduleId() {
      return moduleId;
    },
    async check(page, name, sizes) {
      problems.push(...(await audit(page, name, sizes)));
    },
    report(...found) {
      problems.push(...found);
    },
    async issue() {
      const issued = await hall.server.api<{ ticket: { id: string; number: string } }>('POST', '/halls/demo/tickets', { serviceId }, kiosk);
      expect(issued.status).toBe(201);
      return issued.body.ticket;
    },
  };
}
