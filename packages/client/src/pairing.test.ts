import { forgetDeviceToken, readDeviceToken, type PairingStore } from './pairing';

class MemoryStore implements PairingStore {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

describe('device pairing', () => {
  const g = globalThis as unknown as { history?: unknown; location?: unknown };
  afterEach(() => {
    delete g.history;
    delete g.location;
  });

  test('?pair= is kept for the device kind and removed from the address bar', () => {
    const replaced: string[] = [];
    g.history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) };
    g.location = { pathname: '/display', hash: '' };
    const store = new MemoryStore();
    expect(readDeviceToken('display', { search: '?pair=abc&lang=en' }, store)).toBe('abc');
    expect(replaced).toEqual(['/display?lang=en']);
    expect(readDeviceToken('display', { search: '' }, store)).toBe('abc');
    expect(readDeviceToken('kiosk', { search: '' }, store)).toBeNull();
    forgetDeviceToken('display', store);
    expect(readDeviceToken('display', { search: '' }, store)).toBeNull();
  });
});
