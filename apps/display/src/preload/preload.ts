// Runs under `sandbox: true`: Electron gives a sandboxed preload a `require` that knows only a few
// built-in modules ('electron' among them) and no files, so nothing but types may come from
// elsewhere (type imports are erased).
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeName, DisplayBridge, DisplayChannel, PublicDisplayConfig } from './bridge';

const name: BridgeName = 'hallqDisplay';
const getConfig: DisplayChannel = 'hallq:get-config';

const bridge: DisplayBridge = {
  getConfig: () => ipcRenderer.invoke(getConfig) as Promise<PublicDisplayConfig>,
  platform: process.platform,
};

contextBridge.exposeInMainWorld(name, bridge);
