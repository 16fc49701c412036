import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, GET_CONFIG_CHANNEL, type DisplayBridge, type PublicDisplayConfig } from './bridge';

const bridge: DisplayBridge = {
  getConfig: () => ipcRenderer.invoke(GET_CONFIG_CHANNEL) as Promise<PublicDisplayConfig>,
  platform: process.platform,
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
