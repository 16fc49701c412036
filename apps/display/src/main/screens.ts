// Which monitor each screen goes to, and how a screen window is created and kept alive.
import type { BrowserWindow, BrowserWindowConstructorOptions, Display } from 'electron';

/** The configured monitor, or the primary one when that monitor is not connected. */
export function pickDisplay(displays: Display[], primary: Display, index: number): Display {
  return displays[index] ?? primary;
}

export function windowOptions(display: Display, kiosk: boolean, preload: string): BrowserWindowConstructorOptions {
  const { x, y, width, height } = display.bounds;
  return {
    x,
    y,
    width,
    height,
    fullscreen: true,
    kiosk,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#07152b',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      // The announcer must speak without anyone clicking the wall screen first.
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
    },
  };
}

/** Reload after a renderer crash or hang, and retry while the server is unreachable. */
export function keepAlive(win: BrowserWindow, url: string, retryMs = 5000): void {
  const reload = () => {
    if (!win.isDestroyed()) void win.loadURL(url).catch(() => undefined);
  };
  win.webContents.on('render-process-gone', (_e, details) => {
    console.error(`[display] renderer gone (${details.reason}); reloading`);
    setTimeout(reload, 1000);
  });
  win.on('unresponsive', () => {
    console.error('[display] renderer unresponsive; reloading');
    setTimeout(reload, retryMs);
  });
  win.webContents.on('did-fail-load', (_e, code, description, _url, isMainFrame) => {
    if (!isMainFrame) return;
    console.error(`[display] load failed (${code} ${description}); retrying`);
    setTimeout(reload, retryMs);
  });
}
