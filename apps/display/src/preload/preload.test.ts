import type { DisplayBridge } from './bridge';

const exposed: Record<string, unknown> = {};
const invoke = jest.fn(() => Promise.resolve({ serverUrl: 'http://h' }));
jest.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
  ipcRenderer: { invoke },
}));

test('the preload exposes one typed bridge, hallqDisplay, and nothing else', async () => {
  // Loaded here, after the mocks above exist.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./preload');
  expect(Object.keys(exposed)).toEqual(['hallqDisplay']);
  const bridge = exposed.hallqDisplay as DisplayBridge;
  expect(bridge.platform).toBe(process.platform);
  await expect(bridge.getConfig()).resolves.toEqual({ serverUrl: 'http://h' });
  expect(invoke).toHaveBeenCalledWith('hallq:get-config');
});
