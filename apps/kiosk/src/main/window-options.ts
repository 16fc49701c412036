// How the kiosk window is made: full screen on the chosen display, no menus, the page sandboxed
// and isolated from Node, devtools only for a developer (HALLQ_DEV=1).
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export function kioskUrl(serverUrl: string, deviceToken: string): string {
  return `${serverUrl}/kiosk?pair=${encodeURIComponent(deviceToken)}`;
}

export function pickDisplayBounds(displays: Array<{ bounds: Rectangle }>, index: number): Rectangle | undefined {
  return (displays[index] ?? displays[0])?.bounds;
}

export function kioskWindowOptions(opts: { bounds: Rectangle | undefined; preloadPath: string; dev: boolean }): BrowserWindowConstructorOptions {
  return {
    ...(opts.bounds ?? {}),
    kiosk: !opts.dev,
    fullscreen: !opts.dev,
    frame: opts.dev,
    autoHideMenuBar: true,
    backgroundColor: '#0a2f5c',
    show: false,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webviewTag: false,
      devTools: opts.dev,
      spellcheck: false,
    },
  };
}

/** The configuration error screen: full screen but closable, so a technician can fix the file. */
export function errorWindowOptions(bounds: Rectangle | undefined): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? {}),
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#0a2f5c',
    webPreferences: { contextIsolation: true, nodeIntegration: false, sandbox: true, devTools: false, javascript: false },
  };
}
