// Electron main: one full-screen window per configured screen, on its monitor; the display
// never sleeps, sound plays without a click, crashed or hung renderers reload.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, screen } from 'electron';
import { configPath, loadConfig, screenUrl, type DisplayConfig } from './config';
import { errorPageUrl } from './error-page';
import { keepAlive, pickDisplay, windowOptions } from './screens';

import { GET_CONFIG_CHANNEL as GET_CONFIG } from '../preload/bridge';

export function openScreens(config: DisplayConfig, preload: string): BrowserWindow[] {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  return config.screens.map((s) => {
    const win = new BrowserWindow(windowOptions(pickDisplay(displays, primary, s.monitor), config.kiosk, preload));
    const url = screenUrl(config, s);
    keepAlive(win, url);
    win.once('ready-to-show', () => win.show());
    void win.loadURL(url).catch(() => undefined);
    return win;
  });
}

export function showConfigError(file: string, error: string): BrowserWindow {
  const win = new BrowserWindow({ width: 1000, height: 700, autoHideMenuBar: true, webPreferences: { sandbox: true, contextIsolation: true } });
  void win.loadURL(errorPageUrl(file, error));
  return win;
}

export function start(): void {
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
  Menu.setApplicationMenu(null);
  // A crash in the main process: start again rather than leave a black wall.
  process.on('uncaughtException', (err) => {
    console.error('[display] fatal', err);
    app.relaunch();
    app.exit(1);
  });
  void app.whenReady().then(() => {
    const file = configPath(process.argv, process.env, app.getPath('userData'));
    const result = loadConfig(file);
    if (!result.ok) {
      showConfigError(file, result.error);
      return;
    }
    const { config } = result;
    // The renderer sees the config without the tokens (they are already in the page URL).
    ipcMain.handle(GET_CONFIG, () => ({ ...config, deviceToken: undefined, screens: config.screens.map(({ token: _t, ...s }) => s) }));
    powerSaveBlocker.start('prevent-display-sleep');
    openScreens(config, path.join(__dirname, '../preload/preload.js'));
  });
  app.on('window-all-closed', () => app.quit());
}

if (require.main === module) start();
