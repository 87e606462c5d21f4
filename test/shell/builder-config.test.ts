import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuilderConfig } from '../../scripts/lib/builder-config';
import { loadBuilderConfig, parsePlistFile, validateBuilderConfig } from '../../scripts/lib/builder-internals';

const projectDir = join(import.meta.dirname, '../..');
let config: Configuration;
const scratch: string[] = [];

beforeAll(async () => {
  config = await loadBuilderConfig(projectDir);
}, 60_000);
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation, and every icon and entitlement it names is usable', async () => {
    const report = await checkBuilderConfig(projectDir);
    expect(report.problems).toEqual([]);
    expect(report.checked).toEqual([
      "electron-builder's schema and deprecation checks",
      'macOS icon (icns): resources/icon.icns',
      'Windows icon (ico): resources/icon.ico',
      'Linux icon (set): 8 sizes in resources/icons',
      expect.stringMatching(/^mac\.entitlements: resources\/entitlements\.mac\.plist/),
      expect.stringMatching(/^mac\.entitlementsInherit: resources\/entitlements\.mac\.inherit\.plist/),
    ]);
  }, 60_000); // compiling electron-builder's JSON schema takes seconds on a busy machine

  it('would be refused by electron-builder with a misspelt option or a wrong type', async () => {
    await expect(validateBuilderConfig({ ...config, electronFuse: {} } as Configuration)).rejects.toThrow(/electronFuse/);
    await expect(validateBuilderConfig({ ...config, nsis: { oneClick: 'sometimes' } } as unknown as Configuration)).rejects.toThrow(
      /oneClick/,
    );
  });

  it('builds AppImage and deb, a dmg and an NSIS installer, with asar on and better-sqlite3 unpacked', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/prebuilds/**']));
  });

  it('keeps the fuses that stop the binary being used as a Node runtime or loading code from outside the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('grants the signed macOS app nothing but V8’s JIT, under the hardened runtime', async () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(await parsePlistFile(join(projectDir, String(file)))).toEqual({ 'com.apple.security.cs.allow-jit': true });
    }
  });
});

describe('checkBuilderConfig on a broken project', () => {
  it('names each missing icon and entitlement instead of falling back to Electron’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'builder-config-'));
    scratch.push(dir);
    cpSync(join(projectDir, 'package.json'), join(dir, 'package.json'));
    writeFileSync(join(dir, 'electron-builder.yml'), readFileSync(join(projectDir, 'electron-builder.yml')));
    const report = await checkBuilderConfig(dir);
    expect(report.problems).toEqual([
      expect.stringMatching(/^macOS icon: electron-builder would not use resources\//),
      expect.stringMatching(/^Windows icon: electron-builder would not use resources\//),
      expect.stringMatching(/^Linux icon: electron-builder would not use resources\//),
      expect.stringMatching(/^mac\.entitlements \(resources\/entitlements\.mac\.plist\) is not a readable plist/),
      expect.stringMatching(/^mac\.entitlementsInherit \(resources\/entitlements\.mac\.inherit\.plist\) is not a readable plist/),
    ]);
  });
});
