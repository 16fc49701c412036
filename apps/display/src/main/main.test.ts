// Electron cannot run here: the main process is tested against a mocked electron module.
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  webContents = new EventEmitter();
  loaded: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.all.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  show() {}
}

const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });
let whenReady: () => void = () => undefined;
const handlers = new Map<string, () => unknown>();

jest.mock('electron', () => ({
  app: {
    commandLine: { appendSwitch: jest.fn() },
    whenReady: () => new Promise<void>((r) => (whenReady = r)),
    getPath: () => '/nonexistent',
    on: jest.fn(),
    relaunch: jest.fn(),
    exit: jest.fn(),
  },
  get BrowserWindow() {
    return FakeWindow;
  },
  Menu: { setApplicationMenu: jest.fn() },
  ipcMain: { handle: (ch: string, f: () => unknown) => handlers.set(ch, f) },
  powerSaveBlocker: { start: jest.fn(() => 1) },
  screen: { getAllDisplays: () => [display(1, 0), display(2, 1920)], getPrimaryDisplay: () => display(1, 0) },
}));

import { app, powerSaveBlocker } from 'electron';
import { start } from './main';
import { keepAlive } from './screens';

const flush = () => new Promise((r) => setImmediate(r));

beforeEach(() => {
  FakeWindow.all = [];
  handlers.clear();
  jest.useRealTimers();
});

function writeConfig(config: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hallq-display-')), 'display-config.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

test('one secure full-screen window per screen, on its monitor, display kept awake, autoplay allowed', async () => {
  const file = writeConfig({
    serverUrl: 'http://hall.local:3000',
    deviceToken: 'd1',
    screens: [
      { page: '/display', monitor: 1 },
      { page: '/rating/3', monitor: 7, token: 'pad' },
    ],
  });
  process.argv.push(`--config=${file}`);
  try {
    start();
    whenReady();
    await flush();
  } finally {
    process.argv.pop();
  }
  expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('autoplay-policy', 'no-user-gesture-required');
  expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  expect(FakeWindow.all).toHaveLength(2);
  const [hall, pad] = FakeWindow.all;
  expect(hall!.options).toMatchObject({ x: 1920, fullscreen: true, kiosk: true });
  expect(hall!.options.webPreferences).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, autoplayPolicy: 'no-user-gesture-required' });
  expect(pad!.options).toMatchObject({ x: 0 }); // monitor 7 is not connected: primary
  expect(hall!.loaded).toEqual(['http://hall.local:3000/display?pair=d1']);
  expect(pad!.loaded).toEqual(['http://hall.local:3000/rating/3?pair=pad']);
  // the renderer's view of the config carries no token
  const cfg = handlers.get('hallq:get-config')!() as { deviceToken?: string; screens: Array<Record<string, unknown>> };
  expect(cfg.deviceToken).toBeUndefined();
  expect(cfg.screens.every((s) => !('token' in s))).toBe(true);
});

test('a crashed renderer is reloaded', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.useFakeTimers();
  const win = new FakeWindow({});
  keepAlive(win as never, 'http://h/display');
  win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
  jest.advanceTimersByTime(1500);
  expect(win.loaded).toEqual(['http://h/display']);
  win.webContents.emit('did-fail-load', {}, -102, 'CONNECTION_REFUSED', 'http://h/display', true);
  jest.advanceTimersByTime(6000);
  expect(win.loaded).toHaveLength(2);
});

test('an invalid config file opens an error window instead of the screens', async () => {
  const file = writeConfig({ serverUrl: 'http://x', screens: [] });
  process.argv.push(`--config=${file}`);
  try {
    start();
    whenReady();
    await flush();
  } finally {
    process.argv.pop();
  }
  expect(FakeWindow.all).toHaveLength(1);
  const url = decodeURIComponent(FakeWindow.all[0]!.loaded[0]!);
  expect(url).toContain('显示屏配置文件有误');
  expect(url).toContain('screens');
});
