// The Electron bridge when the page runs inside the kiosk app; null in a plain browser.
import type { KioskBridge, KioskPublicConfig } from '../../shared/kiosk-bridge';

declare global {
  interface Window {
    hallqKiosk?: KioskBridge;
  }
}

export function kioskBridge(): KioskBridge | null {
  return typeof window !== 'undefined' && window.hallqKiosk ? window.hallqKiosk : null;
}

export async function bridgeConfig(bridge: KioskBridge | null): Promise<KioskPublicConfig | null> {
  if (!bridge) return null;
  try {
    return await bridge.getConfig();
  } catch {
    return null;
  }
}
