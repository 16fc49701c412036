// The one object the preload exposes to the display pages (typed for both sides).
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

export const BRIDGE_NAME = 'hallqDisplay';
export const GET_CONFIG_CHANNEL = 'hallq:get-config';
