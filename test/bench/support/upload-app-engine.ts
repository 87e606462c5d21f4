import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineChildArgs, EngineChildReport } from './upload-engine-child';
import { uploadTimeoutMs, type UploadTarget } from './peer-tools';
import { lastJsonLine, runTimed, type TimedRun } from './timed-process';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');

/**
 * Bundles the engine child into one file, as electron-vite bundles the app's main process, so
 * its memory is the app's and not a TypeScript loader's (tsx alone adds ~30 MB). Kept under
 * node_modules so the native better-sqlite3 module resolves from the repo. `entry`: the child
 * script in this folder (the upload child unless another is named).
 */
export async function bundleEngineChild(entry = 'upload-engine-child.ts'): Promise<string> {
  // One folder per checkout: worktrees share node_modules, and each bundles its own source.
  const out = join(repo, 'node_modules', '.cache', `bench-${basename(repo)}`, entry.replace(/\.ts$/, '.mjs'));
  mkdirSync(dirname(out), { recursive: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(here, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    // Bundled CommonJS dependencies still call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return out;
}

export interface AppRun extends TimedRun {
  report: EngineChildReport;
}

/** One upload by the app's engine in its own process, timed like the peers. */
export async function uploadWithApp(
  bundle: string,
  t: UploadTarget,
  dir: string,
  prefix: string,
  options?: EngineChildArgs['options'],
  checksumCompatibility = true,
  transferEngine: EngineChildArgs['transferEngine'] = 'fast',
): Promise<AppRun> {
  const args: EngineChildArgs = { ...t, prefix, paths: [dir], ...(options ? { options } : {}), checksumCompatibility, transferEngine };
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
  const run = await runTimed(process.execPath, [bundle, JSON.stringify(args)], env, uploadTimeoutMs);
  const report = lastJsonLine<EngineChildReport>(run.stdout);
  if (report.failed !== 0) throw new Error(`The app's engine failed ${report.failed} file(s): ${report.errors.join(' | ')}`);
  return { ...run, report };
}
