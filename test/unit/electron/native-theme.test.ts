import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyFileSecretStore } from '../../../src/main/browser-host/key-file-secret-store';
import { followThemeSetting, type ThemePort } from '../../../src/main/core/app/theme-port';
import { createAppCore } from '../../../src/main/core/app-core';
import { silentLogger } from '../../../src/main/core/logger';
import type { SettingsListener } from '../../../src/main/core/settings/settings-service';
import type { ThemeChoice } from '../../../src/shared/model/settings';

const electron = vi.hoisted(() => ({ nativeTheme: { themeSource: 'system' } }));
vi.mock('electron', () => electron);

const { nativeThemePort } = await import('../../../src/main/electron/native-theme');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A core on a fresh data folder whose theme port is the Electron one (over the mocked nativeTheme). */
function coreWithNativeTheme(dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-theme-'))) {
  if (!dirs.includes(dataDir)) dirs.push(dataDir);
  const core = createAppCore({
    dataDir,
    secretStore: new KeyFileSecretStore(join(dataDir, 'k')),
    host: 'electron',
    version: 't',
    logger: silentLogger,
    theme: nativeThemePort,
  });
  return { core, dataDir };
}

describe('the theme setting reaches Electron’s nativeTheme', () => {
  it('sets themeSource at start-up and on each change, without a restart', async () => {
    electron.nativeTheme.themeSource = 'light'; // whatever Electron had: the setting wins at start-up
    const { core, dataDir } = coreWithNativeTheme();
    try {
      expect(electron.nativeTheme.themeSource).toBe('system');
      expect((await core.router.handle('settings:set', { patch: { theme: 'dark' } })).ok).toBe(true);
      expect(electron.nativeTheme.themeSource).toBe('dark');
      expect((await core.router.handle('settings:set', { patch: { theme: 'light' } })).ok).toBe(true);
      expect(electron.nativeTheme.themeSource).toBe('light');
    } finally {
      core.close();
    }
    // The next start applies the stored choice before any window asks.
    electron.nativeTheme.themeSource = 'system';
    const again = coreWithNativeTheme(dataDir);
    try {
      expect(electron.nativeTheme.themeSource).toBe('light');
    } finally {
      again.core.close();
    }
  });

  it('leaves themeSource alone when a refused value is sent', async () => {
    const { core } = coreWithNativeTheme();
    try {
      await core.router.handle('settings:set', { patch: { theme: 'dark' } });
      expect((await core.router.handle('settings:set', { patch: { theme: 'sepia' } })).ok).toBe(false);
      expect(electron.nativeTheme.themeSource).toBe('dark');
    } finally {
      core.close();
    }
  });
});

describe('followThemeSetting', () => {
  it('applies the current theme, then only theme changes', () => {
    const listeners: SettingsListener[] = [];
    const settings = {
      settings: { theme: 'dark' as ThemeChoice },
      onChange: (l: SettingsListener) => (listeners.push(l), () => void listeners.splice(listeners.indexOf(l), 1)),
    };
    const applied: ThemeChoice[] = [];
    const port: ThemePort = { apply: (t) => void applied.push(t) };
    const stop = followThemeSetting(settings, port);
    const all = {
      parallelTransfers: 4,
      partSizeMiB: 'auto',
      bandwidthLimitMiBps: null,
      defaultLinkExpirySeconds: 60,
      theme: 'dark',
    } as const;
    listeners.forEach((l) => l({ parallelTransfers: 4 }, all));
    listeners.forEach((l) => l({ theme: 'light' }, { ...all, theme: 'light' }));
    expect(applied).toEqual(['dark', 'light']);
    stop();
    expect(listeners).toHaveLength(0);
  });
});
