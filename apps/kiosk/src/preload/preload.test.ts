import { readFileSync } from 'node:fs';
import path from 'node:path';

const exposeInMainWorld = jest.fn();
const invoke = jest.fn().mockResolvedValue({ printed: true });
jest.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }));

describe('kiosk preload', () => {
  beforeAll(() => {
    // Loaded after the mock is in place (imports are hoisted above it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./preload');
  });

  it('exposes exactly one bridge, window.hallqKiosk, with print, printerStatus and getConfig', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(name).toBe('hallqKiosk');
    expect(Object.keys(bridge).sort()).toEqual(['getConfig', 'print', 'printerStatus', 'readIdCard']);
    for (const fn of Object.values(bridge)) expect(typeof fn).toBe('function');
  });

  it('forwards each call to its own IPC channel and nothing else', async () => {
    const bridge = exposeInMainWorld.mock.calls[0]![1] as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const data = { number: 'A001' };
    await expect(bridge.print!(data)).resolves.toEqual({ printed: true });
    await bridge.printerStatus!();
    await bridge.getConfig!();
    expect(invoke.mock.calls).toEqual([['hallq-kiosk:print', data], ['hallq-kiosk:printer-status'], ['hallq-kiosk:get-config']]);
  });

  it('requires nothing but electron at run time (a sandboxed preload cannot load other files)', () => {
    const source = readFileSync(path.join(__dirname, 'preload.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
  });
});
