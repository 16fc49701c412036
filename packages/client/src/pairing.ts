// Device pairing for the web pages: a kiosk, display or rating pad page is paired once with a
// device token (`?pair=<token>`), kept in the browser; in demo mode a page opened from loopback
// asks the server for the demo device's token.
import type { DeviceKind } from '@hallq/shared';

const storageKey = (kind: DeviceKind): string => `hallq.device.${kind}`;

export interface PairingStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Takes `?pair=` from the URL (then removes it from the address bar), else the stored token. */
export function readDeviceToken(kind: DeviceKind, location: { search: string }, store: PairingStore): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('pair');
  if (fromUrl) {
    store.setItem(storageKey(kind), fromUrl);
    forgetPairParam(params);
    return fromUrl;
  }
  return store.getItem(storageKey(kind));
}

/** A device token must not stay in the address bar, history or a screenshot of the screen. */
function forgetPairParam(params: URLSearchParams): void {
  const history = (globalThis as { history?: History }).history;
  const loc = (globalThis as { location?: Location }).location;
  if (!history || !loc) return;
  params.delete('pair');
  const rest = params.toString();
  history.replaceState(history.state, '', `${loc.pathname}${rest ? `?${rest}` : ''}${loc.hash}`);
}

export function forgetDeviceToken(kind: DeviceKind, store: PairingStore): void {
  store.removeItem(storageKey(kind));
}

/** Demo mode only, from loopback: the server hands out the demo device's token. */
export async function pairWithDemo(kind: DeviceKind, baseUrl: string, store: PairingStore): Promise<string | null> {
  try {
    const res = await fetch(`${baseUrl}/api/v1/pair/demo?kind=${encodeURIComponent(kind)}`);
    if (!res.ok) return null;
    const body = (await res.json()) as { token?: string };
    if (!body.token) return null;
    store.setItem(storageKey(kind), body.token);
    return body.token;
  } catch {
    return null;
  }
}

/** Stored token, or `?pair=`, or the demo pairing: null means the page must ask to be paired. */
export async function obtainDeviceToken(
  kind: DeviceKind,
  baseUrl: string,
  location: { search: string },
  store: PairingStore,
): Promise<string | null> {
  return readDeviceToken(kind, location, store) ?? (await pairWithDemo(kind, baseUrl, store));
}
