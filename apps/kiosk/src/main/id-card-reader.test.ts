import { FakeIdCardReader } from './fake-id-card-reader';
import { IdCardReaderError, readIdCardName } from './id-card-reader';
import { registerKioskIpc } from './ipc';

// The ID card reader adapter against a fake reader speaking the documented local-HTTP protocol:
// only the holder's name comes out, nothing else on the card.
describe('ID card reader adapter', () => {
  let reader: FakeIdCardReader;
  beforeEach(async () => {
    reader = await FakeIdCardReader.start();
  });
  afterEach(() => reader.close());

  test('no card: null; a card: its name only, never the ID number or address', async () => {
    await expect(readIdCardName(reader.url)).resolves.toBeNull();
    reader.card = { name: '张三丰', idNumber: '420101199001011234', address: '武汉市东湖高新区' };
    const read = await readIdCardName(`${reader.url}/`);
    expect(read).toEqual({ name: '张三丰' });
    expect(JSON.stringify(read)).not.toContain('4201');
    expect(reader.requests).toBe(2);
  });

  test('a reader that is away or answers nonsense is an error the kiosk can show, not a crash', async () => {
    const url = reader.url;
    await reader.close();
    await expect(readIdCardName(url, undefined, 500)).rejects.toBeInstanceOf(IdCardReaderError);
    const odd = async () => ({ ok: true, status: 200, json: async () => ({ present: true }) });
    await expect(readIdCardName('http://reader', odd)).rejects.toThrow('does not understand');
    const down = async () => ({ ok: false, status: 500, json: async () => ({}) });
    await expect(readIdCardName('http://reader', down)).rejects.toThrow('500');
    reader = await FakeIdCardReader.start();
  });
});

describe('ID card reading through the kiosk bridge', () => {
  test('the page gets the name only, only from the hall server page, and a failing reader reads as no card', async () => {
    const handlers = new Map<string, (event: unknown) => unknown>();
    const ipc = { handle: (channel: string, fn: (event: unknown) => unknown) => handlers.set(channel, fn) };
    const config = { serverUrl: 'http://10.0.0.2:3000', language: 'zh' as const, idleSeconds: 60, hasPrinter: false, paperWidthMm: 80 as const, hasIdCardReader: true };
    const reader = await FakeIdCardReader.start();
    reader.card = { name: '王五', idNumber: '420101199001011234' };
    registerKioskIpc(ipc as never, {} as never, config, () => readIdCardName(reader.url));
    const fromServer = { senderFrame: { url: 'http://10.0.0.2:3000/kiosk' } };
    await expect(Promise.resolve(handlers.get('hallq-kiosk:read-id-card')!(fromServer))).resolves.toEqual({ name: '王五' });
    await expect(Promise.resolve().then(() => handlers.get('hallq-kiosk:read-id-card')!({ senderFrame: { url: 'http://evil.example/' } }))).rejects.toThrow('not the hall server page');
    await reader.close();
    await expect(Promise.resolve(handlers.get('hallq-kiosk:read-id-card')!(fromServer))).resolves.toBeNull();
  });
});
