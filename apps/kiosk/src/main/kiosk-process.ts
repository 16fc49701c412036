// The kiosk's Electron main process: one full-screen window showing the hall server's /kiosk
// page, kept alive through renderer crashes and server outages, with the display never asleep.
import path from 'node:path';
import { BrowserWindow, Menu, app, ipcMain, powerSaveBlocker, screen } from 'electron';
import type { WebContents } from 'electron';
import { configPath, loadConfig, publicConfig } from './config';
import type { KioskConfig } from './config';
import { configErrorHtml, htmlDataUrl, serverUnreachableHtml } from './error-page';
import { registerKioskIpc } from './ipc';
import { readIdCardName } from './id-card-reader';
import { createPrinterService, defaultPrinterDeps } from './printer-service';
import type { PrinterServiceDeps } from './printer-service';
import { errorWindowOptions, kioskUrl, kioskWindowOptions, pickDisplayBounds } from './window-options';

export const RETRY_LOAD_MS = 5000;
export const RELOAD_AFTER_CRASH_MS = 1000;
export const PRINTER_WATCH_MS = 60_000;

export interface KioskProcessOptions {
  env?: Record<string, string | undefined>;
  printerDeps?: PrinterServiceDeps;
  readConfig?: (file: string) => string;
  log?: (message: string) => void;
}

/** No new windows, no navigation away from the hall server, no devtools (unless developing). */
export function hardenContents(contents: WebContents, serverUrl: string, dev: boolean): void {
  const origin = new URL(serverUrl).origin;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(origin + '/') && url !== origin) event.preventDefault();
  });
  if (!dev) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Keeps the kiosk page on screen: reload after a renderer crash, retry while the server is away. */
export function keepAlive(win: BrowserWindow, config: KioskConfig, log: (m: string) => void): void {
  const url = kioskUrl(config.serverUrl, config.deviceToken);
  let retry: ReturnType<typeof setTimeout> | null = null;
  const loadKiosk = (): void => {
    retry = null;
    void win.loadURL(url).catch(() => undefined); // failures arrive as did-fail-load
  };
  const scheduleRetry = (ms: number): void => {
    if (retry === null && !win.isDestroyed()) retry = setTimeout(loadKiosk, ms);
  };
  win.webContents.on('render-process-gone', (_event, details) => {
    log(`renderer gone (${details.reason}); reloading`);
    scheduleRetry(RELOAD_AFTER_CRASH_MS);
  });
  win.webContents.on('unresponsive', () => {
    log('renderer unresponsive; reloading');
    win.webContents.forcefullyCrashRenderer();
  });
  win.webContents.on('did-fail-load', (_event, code, description, validatedUrl, isMainFrame) => {
    if (!isMainFrame || validatedUrl.startsWith('data:')) return;
    log(`cannot load ${config.serverUrl} (${code} ${description}); retrying`);
    void win.loadURL(htmlDataUrl(serverUnreachableHtml(config.serverUrl))).catch(() => undefined);
    scheduleRetry(RETRY_LOAD_MS);
  });
  loadKiosk();
}

export async function runKiosk(options: KioskProcessOptions = {}): Promise<BrowserWindow | null> {
  const env = options.env ?? process.env;
  const dev = env.HALLQ_DEV === '1';
  const log = options.log ?? ((m: string): void => console.log(`[kiosk] ${m}`));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();
  Menu.setApplicationMenu(null);

  const file = configPath(env, app.getPath('userData'));
  const result = loadConfig(file, options.readConfig);
  const displays = screen.getAllDisplays();
  if (!result.ok) {
    log(`config problem in ${file}: ${result.problem}`);
    const win = new BrowserWindow(errorWindowOptions(pickDisplayBounds(displays, 0)));
    void win.loadURL(htmlDataUrl(configErrorHtml(result.path, result.problem)));
    return win;
  }
  const config = result.config;
  powerSaveBlocker.start('prevent-display-sleep');

  const printer = createPrinterService(config, options.printerDeps ?? defaultPrinterDeps());
  const reader = config.idCardReader;
  registerKioskIpc(ipcMain, printer, publicConfig(config), reader ? () => readIdCardName(reader) : undefined);
  printer.watch(PRINTER_WATCH_MS);

  const win = new BrowserWindow(
    kioskWindowOptions({
      bounds: pickDisplayBounds(displays, config.display),
      preloadPath: path.join(__dirname, '../preload/preload.js'),
      dev,
    }),
  );
  hardenContents(win.webContents, config.serverUrl, dev);
  win.once('ready-to-show', () => win.show());
  keepAlive(win, config, log);
  return win;
}
