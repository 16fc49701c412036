import { EventEmitter } from 'node:events';
import type { PrinterServiceDeps } from './printer-service';
import type * as KioskProcess from './kiosk-process';

// Electron cannot run here: a small stand-in records what the main process asks of it.
class FakeContents extends EventEmitter {
  setWindowOpenHandler = jest.fn();
  closeDevTools = jest.fn();
  forcefullyCrashRenderer = jest.fn();
}
class FakeWindow extends EventEmitter {
  static instances: FakeWindow[] = [];
  webContents = new FakeContents();
  loadURL = jest.fn().mockResolvedValue(undefined);
  show = jest.fn();
  isDestroyed = () => false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.instances.push(this);
  }
}
const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
const electron = {
  app: {
    requestSingleInstanceLock: jest.fn(() => true),
    whenReady: jest.fn(() => Promise.resolve()),
    getPath: jest.fn(() => '/home/kiosk/.config/HallQ Kiosk'),
    on: jest.fn(),
    quit: jest.fn(),
  },
  BrowserWindow: FakeWindow,
  Menu: { setApplicationMenu: jest.fn() },
  powerSaveBlocker: { start: jest.fn(() => 1) },
  screen: {
    getAllDisplays: jest.fn(() => [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 } }, { bounds: { x: 1920, y: 0, width: 1080, height: 1920 } }]),
  },
  ipcMain: { handle: jest.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
};
jest.mock('electron', () => electron);

// Loaded after the mock is in place (imports are hoisted above it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runKiosk } = require('./kiosk-process') as typeof KioskProcess;

const config = { serverUrl: 'http://10.0.0.2:3000', deviceToken: 'kiosk-token-123456', printer: 'tcp://10.0.0.5:9100', paperWidthMm: 58, display: 1 };
const fromServer = { senderFrame: { url: 'http://10.0.0.2:3000/kiosk' } };

function deps(): PrinterServiceDeps {
  return {
    printTicket: jest.fn().mockResolvedValue({ printed: true }),
    readStatus: jest.fn().mockResolvedValue({ state: 'ready', reason: 'ready' }),
    fetch: jest.fn().mockResolvedValue({ ok: true, status: 200 }) as unknown as typeof fetch,
    log: () => undefined,
  };
}

async function start(opts: { env?: Record<string, string>; file?: string | null; printerDeps?: PrinterServiceDeps } = {}) {
  const file = opts.file === undefined ? JSON.stringify(config) : opts.file;
  const win = (await runKiosk({
    env: { HALLQ_KIOSK_CONFIG: '/etc/hallq/kiosk.json', ...opts.env },
    printerDeps: opts.printerDeps ?? deps(),
    log: () => undefined,
    readConfig: () => {
      if (file === null) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return file;
    },
  })) as unknown as FakeWindow;
  return win;
}

beforeEach(() => {
  FakeWindow.instances = [];
  handlers.clear();
  jest.clearAllMocks();
});

describe('kiosk main process', () => {
  it('opens one locked-down full-screen kiosk window on the chosen display', async () => {
    const win = await start();
    expect(FakeWindow.instances).toHaveLength(1);
    const o = win.options as { webPreferences: Record<string, unknown> } & Record<string, unknown>;
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, x: 1920, y: 0, width: 1080, height: 1920 });
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false, webviewTag: false });
    expect(String(o.webPreferences.preload)).toMatch(/preload[/\\]preload\.js$/);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('loads the server page /kiosk paired with the configured device token', async () => {
    const win = await start();
    expect(win.loadURL).toHaveBeenCalledWith('http://10.0.0.2:3000/kiosk?pair=kiosk-token-123456');
  });

  it('closes devtools in production and allows them with HALLQ_DEV=1', async () => {
    const win = await start();
    win.webContents.emit('devtools-opened');
    expect(win.webContents.closeDevTools).toHaveBeenCalled();
    const devWin = await start({ env: { HALLQ_DEV: '1' } });
    expect((devWin.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    expect(devWin.options.kiosk).toBe(false);
  });

  it('denies new windows and navigation away from the hall server', async () => {
    const win = await start();
    const open = win.webContents.setWindowOpenHandler.mock.calls[0]![0] as () => unknown;
    expect(open()).toEqual({ action: 'deny' });
    const away = { preventDefault: jest.fn() };
    win.webContents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: jest.fn() };
    win.webContents.emit('will-navigate', home, 'http://10.0.0.2:3000/kiosk');
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('reloads the kiosk page after the renderer crashes', async () => {
    jest.useFakeTimers();
    try {
      const win = await start();
      win.loadURL.mockClear();
      win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      jest.runOnlyPendingTimers();
      expect(win.loadURL).toHaveBeenCalledWith('http://10.0.0.2:3000/kiosk?pair=kiosk-token-123456');
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows "ticketing paused" when the server cannot be reached and keeps retrying', async () => {
    jest.useFakeTimers();
    try {
      const win = await start();
      win.loadURL.mockClear();
      win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://10.0.0.2:3000/kiosk?pair=x', true);
      const shown = decodeURIComponent(String(win.loadURL.mock.calls[0]![0]));
      expect(shown).toMatch(/^data:text\/html/);
      expect(shown).toContain('暂停取号，请咨询工作人员');
      jest.runOnlyPendingTimers();
      expect(win.loadURL).toHaveBeenLastCalledWith('http://10.0.0.2:3000/kiosk?pair=kiosk-token-123456');
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows an error screen naming the problem and the file when the config is missing or wrong', async () => {
    const missing = await start({ file: null });
    const page = decodeURIComponent(String(missing.loadURL.mock.calls[0]![0]));
    expect(page).toContain('/etc/hallq/kiosk.json');
    expect(page).toContain('the config file does not exist');
    expect(handlers.size).toBe(0);
    expect(electron.powerSaveBlocker.start).not.toHaveBeenCalled();

    const wrong = await start({ file: JSON.stringify({ ...config, paperWidthMm: 76 }) });
    expect(decodeURIComponent(String(wrong.loadURL.mock.calls[0]![0]))).toContain('paperWidthMm');
  });

  it('prints through @hallq/printing on the configured printer when the page asks', async () => {
    const d = deps();
    await start({ printerDeps: d });
    const data = {
      hallName: '东湖高新区政务服务中心',
      number: 'A001',
      serviceName: { zh: '企业设立登记', en: 'Company registration' },
      peopleAhead: 0,
      estimatedWaitSeconds: 120,
      issuedAtLocal: '2025-11-25 09:30',
      statusUrl: 'http://10.0.0.2:3000/t/abc',
      lang: 'zh',
    };
    await expect(handlers.get('hallq-kiosk:print')!(fromServer, data)).resolves.toEqual({ printed: true });
    expect(d.printTicket).toHaveBeenCalledWith('tcp://10.0.0.5:9100', data, { paperWidthMm: 58, statusCheck: 'dle-eot', deadlineMs: expect.any(Number) });
    await expect(handlers.get('hallq-kiosk:printer-status')!(fromServer)).resolves.toEqual({ state: 'ready', reason: 'ready' });
    expect(handlers.get('hallq-kiosk:get-config')!(fromServer)).toEqual({
      serverUrl: 'http://10.0.0.2:3000',
      language: 'zh',
      idleSeconds: 60,
      hasPrinter: true,
      paperWidthMm: 58,
      hasIdCardReader: false,
    });
  });

  it('refuses bridge calls from any page but the hall server, and bad ticket data', async () => {
    const d = deps();
    await start({ printerDeps: d });
    const stranger = { senderFrame: { url: 'https://evil.example/' } };
    await expect(handlers.get('hallq-kiosk:print')!(stranger, {})).rejects.toThrow(/not the hall server/);
    expect(() => handlers.get('hallq-kiosk:get-config')!(stranger)).toThrow(/not the hall server/);
    await expect(handlers.get('hallq-kiosk:print')!(fromServer, { number: 'A001' })).resolves.toMatchObject({ printed: false, state: 'error' });
    expect(d.printTicket).not.toHaveBeenCalled();
  });
});
