import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Arch, Platform, build } from 'electron-builder';
import { listAsar } from '../../scripts/lib/builder-internals';

/** What a Linux `dir` build holds: paths inside app.asar and inside app.asar.unpacked. */
export interface PackedApp {
  /** The temporary folder holding everything; the caller removes it. */
  root: string;
  /** The folder electron-builder wrote (linux-unpacked or linux-arm64-unpacked). */
  appDir: string;
  asarPath: string;
  /** Files and folders in app.asar, e.g. `out/main/index.js`. */
  asar: string[];
  /** Files (not folders) in app.asar.unpacked, e.g. `node_modules/better-sqlite3/prebuilds/linux-x64.node`. */
  unpacked: string[];
  arch: 'x64' | 'arm64';
}

/**
 * A stand-in for Electron's unpacked Linux distribution: an `electron` executable and the two
 * licence files electron-builder carries over. electron-builder copies it as a custom
 * `electronDist` instead of downloading Electron, which this machine cannot.
 */
function fakeElectronDist(root: string, version: string): string {
  const dir = join(root, 'electron-dist');
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron: packaging test only" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), '');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '');
  writeFileSync(join(dir, 'version'), version);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

/**
 * Runs electron-builder for real (config from electron-builder.yml, its own file matching,
 * node_modules collection, asar packing and unpacking) into a temporary `dir` target for this
 * machine's architecture. Only Electron's binary is faked, so fuses, which patch that binary,
 * are left out; nothing is downloaded. Takes ~30 s.
 */
export async function packLinuxDir(projectDir: string, electronVersion: string): Promise<PackedApp> {
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const root = mkdtempSync(join(tmpdir(), 'bucket-admin-pack-'));
  const output = join(root, 'dist');
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', arch === 'arm64' ? Arch.arm64 : Arch.x64),
    publish: 'never',
    config: { electronDist: fakeElectronDist(root, electronVersion), directories: { output }, electronFuses: null },
  });
  const appDir = join(output, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
  const asarPath = join(appDir, 'resources/app.asar');
  return { root, appDir, asarPath, asar: listAsar(asarPath), unpacked: filesUnder(join(appDir, 'resources/app.asar.unpacked')), arch };
}
