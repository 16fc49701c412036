import { ApiError } from '@hallq/client';
import type { ApiClient } from '@hallq/client';
import type { HallConfig, Service } from '@hallq/shared';
import type { KioskBridge } from '../../shared/kiosk-bridge';
import { buildPrintData, printIssuedTicket } from './ticket-printing';
import type { IssuedTicket } from './take-ticket';

const hall = { id: 'demo', name: { zh: '东湖高新区政务服务中心', en: 'East Lake' }, timezone: 'Asia/Shanghai' } as HallConfig;
const service = { id: 'svc-reg', name: { zh: '企业设立登记', en: 'Company registration' } } as Service;
const ticket = {
  id: 't1',
  number: 'A007',
  peopleAhead: 2,
  estimatedWaitSeconds: 300,
  issuedAt: '2025-11-25T01:30:00.000Z',
  statusUrl: 'http://hall/t/p',
} as IssuedTicket;

function api(printAnswer: Error | object) {
  const calls: Array<[string, unknown]> = [];
  const client = {
    post: jest.fn(async (path: string, body: unknown) => {
      calls.push([path, body]);
      if (path.endsWith('/print') && printAnswer instanceof Error) throw printAnswer;
      return path.endsWith('/print') ? printAnswer : {};
    }),
  } as unknown as ApiClient;
  return { client, calls };
}

describe('printing an issued ticket', () => {
  it('builds slip data with no personal data, the hall-local time and the status URL', () => {
    expect(buildPrintData(ticket, hall, service, 'en')).toEqual({
      hallName: '东湖高新区政务服务中心',
      number: 'A007',
      serviceName: { zh: '企业设立登记', en: 'Company registration' },
      peopleAhead: 2,
      estimatedWaitSeconds: 300,
      issuedAtLocal: '2025-11-25 09:30',
      statusUrl: 'http://hall/t/p',
      lang: 'en',
      hallUrl: 'http://hall/h/demo',
      template: { showEnglish: true, showEstimate: true },
    });
  });

  it('in a browser, asks the server to print, once', async () => {
    const { client, calls } = api({ printed: true });
    await expect(printIssuedTicket(ticket, { api: client, bridge: null, localPrinter: false, hall, service, lang: 'zh' })).resolves.toEqual({ printed: true });
    expect(calls).toEqual([['/tickets/t1/print', {}]]);
  });

  it('a 503 printer_unavailable becomes the printer fault and a device alert', async () => {
    const { client, calls } = api(new ApiError(503, 'printer_unavailable', 'not ready', { state: 'cover_open' }));
    await expect(printIssuedTicket(ticket, { api: client, bridge: null, localPrinter: false, hall, service, lang: 'zh' })).resolves.toMatchObject({
      printed: false,
      state: 'cover_open',
    });
    expect(calls[1]).toEqual(['/devices/me/status', { printerState: 'cover_open', message: expect.stringContaining('A007') }]);
  });

  it('the visitor is told of a fault without waiting for the device alert to be taken', async () => {
    const client = {
      post: jest.fn((path: string) => {
        if (path.endsWith('/print')) return Promise.reject(new ApiError(503, 'printer_unavailable', 'not ready', { state: 'paper_out' }));
        return new Promise(() => undefined); // the alert is never answered
      }),
    } as unknown as ApiClient;
    await expect(printIssuedTicket(ticket, { api: client, bridge: null, localPrinter: false, hall, service, lang: 'zh' })).resolves.toMatchObject({
      printed: false,
      state: 'paper_out',
    });
    expect(client.post).toHaveBeenCalledWith('/devices/me/status', expect.objectContaining({ printerState: 'paper_out' }));
  });

  it('no answer from the server is not retried (it may have printed) and counts as offline', async () => {
    const { client, calls } = api(new ApiError(0, 'offline', 'down'));
    await expect(printIssuedTicket(ticket, { api: client, bridge: null, localPrinter: false, hall, service, lang: 'zh' })).resolves.toMatchObject({
      printed: false,
      state: 'offline',
    });
    expect(calls.filter(([p]) => p.endsWith('/print'))).toHaveLength(1);
  });

  it('in Electron with its own printer, prints through the bridge and not the server', async () => {
    const { client, calls } = api({ printed: true });
    const bridge: KioskBridge = {
      print: jest.fn().mockResolvedValue({ printed: false, state: 'paper_out', reason: 'paper end' }),
      printerStatus: jest.fn(),
      getConfig: jest.fn(),
      readIdCard: jest.fn(),
    };
    await expect(printIssuedTicket(ticket, { api: client, bridge, localPrinter: true, hall, service, lang: 'zh' })).resolves.toMatchObject({ state: 'paper_out' });
    expect(bridge.print).toHaveBeenCalledWith(buildPrintData(ticket, hall, service, 'zh'));
    expect(calls).toEqual([]);
  });
});
