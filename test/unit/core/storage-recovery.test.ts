import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { KeyFileSecretStore } from '../../../src/main/browser-host/key-file-secret-store';
import { createAppCore } from '../../../src/main/core/app-core';
import { stateFileName } from '../../../src/main/core/store/state-file';
import { silentLogger } from '../../../src/main/core/logger';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('starts on a fresh database when the file is damaged, keeps the old one, and tells the user', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-recovery-'));
  dirs.push(dataDir);
  writeFileSync(join(dataDir, stateFileName), Buffer.alloc(8192, 0x5a));
  const core = createAppCore({
    dataDir,
    secretStore: new KeyFileSecretStore(join(dataDir, 'k')),
    host: 'browser',
    version: 't',
    logger: silentLogger,
  });
  try {
    const info = await core.router.handle('app:info', {});
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    const { notices } = info.value as { notices: string[] };
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/corrupt|damaged/i);
    expect(readdirSync(dataDir).some((f) => f.startsWith(`${stateFileName}.corrupt-`))).toBe(true);
    expect(await core.router.handle('connections:list', {})).toEqual({ ok: true, value: [] });
  } finally {
    core.close();
  }
});
