import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFilter, loadBuilderConfig, readAsarFile } from '../../scripts/lib/builder-internals';
import { packLinuxDir, type PackedApp } from './pack-app';

const projectDir = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

let packed: PackedApp;
/** Set once packing succeeded, so a failed beforeAll leaves nothing to remove. */
let packedRoot: string | undefined;
let config: Configuration;

beforeAll(async () => {
  const missing = built.filter((file) => !existsSync(join(projectDir, file)));
  if (missing.length > 0) throw new Error(`Build first (npx electron-vite build): missing ${missing.join(', ')}`);
  config = await loadBuilderConfig(projectDir);
  packed = await packLinuxDir(projectDir, manifest.devDependencies.electron?.replace(/^\D+/, '') ?? '');
  packedRoot = packed.root;
}, 240_000);

afterAll(() => {
  if (packedRoot) rmSync(packedRoot, { recursive: true, force: true });
});

/** Every packaged path once: unpacked files are listed in the asar header too. */
const everything = (): string[] => [...new Set([...packed.asar, ...packed.unpacked])];

describe('the packaged app (a real electron-builder run, Linux dir target)', () => {
  it('contains the built main, preload and renderer, and package.json pointing at main', () => {
    expect(packed.asar).toEqual(expect.arrayContaining([...built, 'package.json']));
    const packagedManifest = JSON.parse(readAsarFile(packed.asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(packagedManifest.main).toBe(manifest.main);
    expect(packed.asar).toContain(packagedManifest.main);
  });

  it('contains every built file except source maps', () => {
    const out = readdirSync(join(projectDir, 'out'), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map((entry) => relative(projectDir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
    expect(packed.asar.filter((path) => path.startsWith('out/') && !packed.asar.some((p) => p.startsWith(`${path}/`))).sort()).toEqual(
      out.sort(),
    );
  });

  it('holds only out/, package.json and node_modules at its root: no sources, tests, scripts or local state', () => {
    const roots = new Set(everything().map((path) => path.split('/')[0]));
    expect([...roots].sort()).toEqual(['node_modules', 'out', 'package.json']);
    for (const forbidden of ['src/', 'test/', 'scripts/', '.ci/', 'resources/', '.rgw/', '.demo/', 'dist/', 'coverage/']) {
      expect(
        everything().filter((path) => path.startsWith(forbidden)),
        forbidden,
      ).toEqual([]);
    }
  });

  it('ships no source maps, ours or the dependencies’', () => {
    expect(everything().filter((path) => path.endsWith('.map'))).toEqual([]);
  });

  it('ships no development-only package (Electron, the builder, test runners, compilers, Node itself)', () => {
    const devOnly = Object.keys(manifest.devDependencies).filter((name) => !(name in manifest.dependencies));
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'electron-builder', 'vitest', 'typescript', 'node']));
    expect(devOnly.filter((name) => packed.asar.includes(`node_modules/${name}/package.json`))).toEqual([]);
    for (const name of Object.keys(manifest.dependencies)) expect(packed.asar, name).toContain(`node_modules/${name}/package.json`);
  });

  it('unpacks the native module from the asar, with only this platform’s binary and no C sources', () => {
    const natives = everything().filter((path) => path.endsWith('.node'));
    expect(natives).toEqual([`node_modules/better-sqlite3/prebuilds/linux-${packed.arch}.node`]);
    expect(packed.unpacked).toContain(natives[0]);
    expect(existsSync(join(packed.appDir, 'resources/app.asar.unpacked', natives[0] ?? ''))).toBe(true);
    expect(everything().filter((path) => /^node_modules\/better-sqlite3\/(deps|src|build)\//.test(path))).toEqual([]);
    expect(everything()).toContain('node_modules/better-sqlite3/lib/index.js');
  });
});

describe('the per-platform native binary patterns (electron-builder’s FileMatcher, as it filters node_modules)', () => {
  const prebuilds = ['linux', 'linuxmusl', 'darwin', 'win32'].flatMap((os) => ['x64', 'arm64'].map((arch) => `${os}-${arch}.node`));
  const platforms = [
    ['mac', 'darwin'],
    ['win', 'win32'],
    ['linux', 'linux'],
  ] as const;

  const filesOf = (key: 'mac' | 'win' | 'linux'): string[] => (config[key]?.files ?? []) as string[];

  it('are the only difference between the platforms’ file lists', () => {
    expect(config.files ?? []).toEqual([]);
    const common = (key: 'mac' | 'win' | 'linux') => filesOf(key).filter((p) => !p.includes('/prebuilds/'));
    expect(common('mac').length).toBeGreaterThan(0);
    expect(common('win')).toEqual(common('mac'));
    expect(common('linux')).toEqual(common('mac'));
  });

  it.each(platforms.flatMap(([key, os]) => ['x64', 'arm64'].map((arch) => [key, os, arch] as const)))(
    '%s %s-%s keeps exactly its own binary',
    (key, os, arch) => {
      // getNodeModuleFileMatcher: every file, minus the negations in `files`, relative to the app root.
      const negations = filesOf(key).filter((p) => p.startsWith('!'));
      const keep = fileFilter('/app', ['**/*', ...negations], (pattern) => pattern.replaceAll('${arch}', arch));
      const kept = prebuilds.filter((name) => {
        const moduleFullFilePath = `node_modules/better-sqlite3/prebuilds/${name}`;
        return keep(`/app/${moduleFullFilePath}`, { isDirectory: () => false, moduleFullFilePath });
      });
      expect(kept).toEqual([`${os}-${arch}.node`]);
    },
  );
});
