// The rule: the display's preload loads under Electron's `sandbox: true`. The built file
// (dist/preload/preload.js, what main.ts hands to BrowserWindow) is run in a fresh V8 context the
// way the sandbox runs it: a `require` that answers only 'electron' and throws for anything else
// (sibling files included), and a `process` with only what the sandbox provides.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { DisplayBridge } from './bridge';

const built = path.join(__dirname, '..', '..', 'dist', 'preload', 'preload.js');

function runSandboxed(file: string) {
  const exposed: Record<string, unknown> = {};
  const required: string[] = [];
  const invoke = jest.fn(async (channel: string) => ({ channel }));
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer: { invoke } };
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`module not found: ${id}`);
  };
  const module = { exports: {} as unknown };
  const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports, process: { platform: 'linux', env: {} }, console });
  // Electron wraps a sandboxed preload in a function of these names, as Node does a module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const fn = vm.runInContext(wrapped, context, { filename: file }) as (...a: unknown[]) => void;
  fn(module.exports, sandboxRequire, module, file, path.dirname(file));
  return { exposed, required, invoke };
}

describe('display preload under sandbox: true', () => {
  beforeAll(() => {
    // The test runs the build output; build it if this checkout has not been built yet.
    if (!existsSync(built)) execFileSync('npx', ['tsc', '-p', 'tsconfig.main.json'], { cwd: path.join(__dirname, '..', '..'), stdio: 'ignore' });
  });

  it('the built preload requires only electron and exposes hallqDisplay', async () => {
    const { exposed, required, invoke } = runSandboxed(built);
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['hallqDisplay']);
    const bridge = exposed.hallqDisplay as DisplayBridge;
    expect(bridge.platform).toBe('linux');
    await expect(bridge.getConfig()).resolves.toEqual({ channel: 'hallq:get-config' });
    expect(invoke).toHaveBeenCalledWith('hallq:get-config');
  });

  it('a preload that requires a sibling file fails in that sandbox (the test can tell)', () => {
    const source = `"use strict"; const b = require("./bridge"); require("electron").contextBridge.exposeInMainWorld(b.BRIDGE_NAME, {});`;
    const context = vm.createContext({});
    const wrapped = vm.runInContext(`(function (exports, require, module) {${source}\n})`, context) as (...a: unknown[]) => void;
    const sandboxRequire = (id: string): unknown => {
      if (id === 'electron') return { contextBridge: { exposeInMainWorld: () => undefined } };
      throw new Error(`module not found: ${id}`);
    };
    expect(() => wrapped({}, sandboxRequire, { exports: {} })).toThrow('module not found: ./bridge');
  });
});
