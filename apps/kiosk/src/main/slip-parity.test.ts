// The rule: the Electron kiosk prints exactly what the admin's preview shows. The kiosk page builds
// its slip with the shared `ticketSlip` (as the server's print endpoint and the preview do); the
// kiosk's main process prints it through its IPC bridge; the bytes the printer receives are
// compared byte for byte with the printing package's rendering of that same slip, and the
// preview's SVG lines with the printed text lines.
import { FakePrinter, buildLayout, printTicket, renderTicket, renderTicketSvg } from '@hallq/printing';
import { ticketSlip } from '@hallq/shared';
import type { HallConfig, Service } from '@hallq/shared';
import { buildPrintData } from '../renderer/kiosk/ticket-printing';
import type { IssuedTicket } from '../renderer/kiosk/take-ticket';
import { parseConfig } from './config';
import { registerKioskIpc } from './ipc';
import { createPrinterService, defaultPrinterDeps } from './printer-service';

const hall = {
  id: 'demo',
  name: { zh: '东湖高新区政务服务中心', en: 'East Lake Service Hall' },
  timezone: 'Asia/Shanghai',
  ticketNotice: { zh: '过号请到咨询台', en: 'Missed your number? Ask at the help desk' },
  ticketTemplate: { header: { zh: '欢迎光临', en: 'Welcome' }, showEnglish: false, showEstimate: false },
} as HallConfig;
const service = { id: 'svc-reg', name: { zh: '企业设立登记', en: 'Company registration' } } as Service;
const ticket = {
  id: 't1', number: 'A007', serviceId: 'svc-reg', peopleAhead: 2, estimatedWaitSeconds: 300,
  // Carried through the bridge's strict check of the slip.
  estimatedWaitRange: { lowSeconds: 120, highSeconds: 600 },
  issuedAt: '2025-11-25T01:30:00.000Z', statusUrl: 'http://10.0.0.2:3000/t/abcdefghijklmnopqrstuv',
} as IssuedTicket;

describe('kiosk slip parity with the preview and the server', () => {
  let printer: FakePrinter;
  beforeEach(async () => {
    printer = await FakePrinter.start();
  });
  afterEach(() => printer.close());

  async function printedByKiosk(lang: 'zh' | 'en', paperWidthMm: 58 | 80): Promise<Buffer> {
    const parsed = parseConfig('/k.json', JSON.stringify({ serverUrl: 'http://10.0.0.2:3000', deviceToken: 'kiosk-token-123456', printer: printer.url, paperWidthMm }));
    if (!parsed.ok) throw new Error(parsed.problem);
    const fetch = (async () => ({ ok: true, status: 200 })) as unknown as typeof globalThis.fetch;
    const service_ = createPrinterService(parsed.config, { ...defaultPrinterDeps(), printTicket, fetch, log: () => undefined });
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    registerKioskIpc({ handle: (channel, listener) => handlers.set(channel, listener as never) }, service_, {
      serverUrl: 'http://10.0.0.2:3000', language: lang, idleSeconds: 60, hasPrinter: true, paperWidthMm,
    });
    // What the page sends over the bridge: structured-clone of the slip.
    const sent = structuredClone(buildPrintData(ticket, hall, service, lang));
    const fromPage = { senderFrame: { url: 'http://10.0.0.2:3000/kiosk' } };
    await expect(handlers.get('hallq-kiosk:print')!(fromPage, sent)).resolves.toEqual({ printed: true });
    return printer.waitForJob();
  }

  it.each([
    ['zh', 80],
    ['en', 58],
  ] as const)('lang %s, %i mm: the job bytes equal the shared slip rendered as the server renders it', async (lang, paperWidthMm) => {
    const job = await printedByKiosk(lang, paperWidthMm);
    const slip = ticketSlip({ hall, service, ticket, lang });
    const expected = renderTicket(slip.data, { paperWidthMm, template: slip.template });
    expect(Buffer.compare(job, expected)).toBe(0);
    // The hall's options are really in it: header, notice, no English lines, no estimate.
    const lines = buildLayout(slip.data, { paperWidthMm, template: slip.template }).blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(lines[0]).toBe(lang === 'en' ? 'Welcome' : '欢迎光临');
    expect(lines.join('\n')).toContain(lang === 'en' ? 'Missed your number?' : '过号请到咨询台');
    expect(lines.join('\n')).not.toContain('Company registration');
    expect(lines.join('\n')).not.toContain('预计等候');
    // The preview (SVG) draws the same lines.
    const svg = renderTicketSvg(slip.data, { paperWidthMm, template: slip.template });
    const shown = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))));
    expect(shown).toEqual(lines);
  });
});
