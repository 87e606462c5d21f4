import { spawnSync } from 'node:child_process';
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
 *
 * Start-up is most of a short transfer's CPU, so the bundle is built for it: packages' ES module
 * builds (`module` before `main`: the SDK's dist-es tree-shakes to the commands the core uses,
 * where its CommonJS build brings all of them and copies every export at load), whitespace and
 * syntax minified (names kept, so CPU profiles stay readable): 3.0 MB → 1.9 MB. Each child then
 * runs with V8's compile cache (NODE_COMPILE_CACHE, warmed here once per build), as an installed
 * app's main process can (`module.enableCompileCache()`): ~0.1 CPU-s and ~15 MB less per start.
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
    mainFields: ['module', 'main'],
    minifyWhitespace: true,
    minifySyntax: true,
    // Bundled CommonJS dependencies still call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  // A child that starts a core starts its index worker from `./index-worker.js` beside the bundle
  // (`worker-entry.ts`), as the app's main process does from out/main. CommonJS, so the `.js` name
  // needs no package.json saying it is a module.
  await esbuild.build({
    entryPoints: [join(repo, 'src', 'main', 'core', 'index', 'index-worker.ts')],
    outfile: join(dirname(out), 'index-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3'],
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'error',
  });
  // Loads the bundle once (the child exits at once on --warm), so every timed run finds its code compiled.
  const warm = spawnSync(process.execPath, [out, '--warm'], { env: engineChildEnv(out), stdio: 'ignore' });
  if (warm.status !== 0) throw new Error(`The bundled ${entry} did not load (exit ${warm.status ?? warm.signal})`);
  return out;
}

/** The environment an engine child runs in: a bare PATH and HOME, and its bundle's compile cache. */
export function engineChildEnv(bundle: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_COMPILE_CACHE: join(dirname(bundle), 'compile-cache'),
  };
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
  const run = await runTimed(process.execPath, [bundle, JSON.stringify(args)], engineChildEnv(bundle), uploadTimeoutMs);
  const report = lastJsonLine<EngineChildReport>(run.stdout);
  if (report.failed !== 0) throw new Error(`The app's engine failed ${report.failed} file(s): ${report.errors.join(' | ')}`);
  return { ...run, report };
}
