// The kiosk page's only door to the machine. Sandboxed: requires nothing but 'electron'
// (the shared file below is type-only and disappears at compile time).
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskBridge, KioskChannel } from '../shared/kiosk-bridge';

const invoke = (channel: KioskChannel, ...args: unknown[]): Promise<never> => ipcRenderer.invoke(channel, ...args) as Promise<never>;

const bridge: KioskBridge = {
  print: (data) => invoke('hallq-kiosk:print', data),
  printerStatus: () => invoke('hallq-kiosk:printer-status'),
  getConfig: () => invoke('hallq-kiosk:get-config'),
  readIdCard: () => invoke('hallq-kiosk:read-id-card'),
};

contextBridge.exposeInMainWorld('hallqKiosk', bridge);
