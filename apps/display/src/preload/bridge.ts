// The one object the preload exposes to the display pages (typed for both sides). The sandboxed
// preload may require nothing but 'electron', so it imports only the types from here and spells
// the names as literals checked against `BridgeName` and `DisplayChannel`.
export interface PublicDisplayConfig {
  serverUrl: string;
  screens: Array<{ page: string; monitor: number }>;
  kiosk: boolean;
  lang: 'zh' | 'en';
  announceEnglish: boolean;
}

export interface DisplayBridge {
  getConfig(): Promise<PublicDisplayConfig>;
  platform: string;
}

export type BridgeName = 'hallqDisplay';
export type DisplayChannel = 'hallq:get-config';

export const BRIDGE_NAME: BridgeName = 'hallqDisplay';
export const GET_CONFIG_CHANNEL: DisplayChannel = 'hallq:get-config';
