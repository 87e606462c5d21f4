import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const bundle = path.resolve('out/preload/index.cjs');
const built = existsSync(bundle);

// Checks the built artifact, so it needs `npm run build` first; without it there is nothing to check.
describe.skipIf(!built)(`built preload (${built ? bundle : 'skipped: run npm run build first'})`, () => {
  it('runs where only `electron` can be required, as in Electron’s sandbox', async () => {
    const exposed: Record<string, unknown> = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: { invoke: (channel: string) => Promise.resolve({ ok: true, value: channel }), on() {}, removeListener() {} },
    };
    const sandboxRequire = (id: string): unknown => {
      if (id === 'electron') return electron;
      throw new Error(`A sandboxed preload cannot require "${id}"; bundle it instead.`);
    };
    const module = { exports: {} };
    // No process, Buffer or Node globals: the bundle must not lean on them.
    vm.runInNewContext(readFileSync(bundle, 'utf8'), { require: sandboxRequire, module, exports: module.exports, URL, TextEncoder });

    expect(Object.keys(exposed)).toEqual(['bucketAdmin']);
    const api = exposed['bucketAdmin'] as { app: { info(input: unknown): Promise<unknown> } };
    await expect(api.app.info({})).resolves.toEqual({ ok: true, value: 'app:info' });
  });
});
