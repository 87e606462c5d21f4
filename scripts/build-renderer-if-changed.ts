/**
 * `npm run start:browser` builds the renderer only when its inputs changed since the last build:
 * a hash of every source file the bundle is made from, kept beside the output. A start with
 * nothing changed skips the 3–10 s build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const inputs = ['src/renderer', 'src/shared', 'vite.renderer.config.ts', 'package.json', 'package-lock.json'];
const outDir = resolve('out/renderer');
const stampFile = join(outDir, '.source-hash');

/** Every file under `path` (or `path` itself), sorted so the hash does not depend on readdir order. */
function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The hash of the renderer's inputs: names and contents. */
function rendererSourceHash(): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const files = input.includes('.') ? (existsSync(input) ? [input] : []) : filesOf(input);
    for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const current = rendererSourceHash();
const built = existsSync(stampFile) && existsSync(join(outDir, 'index.html')) ? readFileSync(stampFile, 'utf8').trim() : '';
if (built === current) {
  console.log('Renderer is up to date (no source changed since the last build).');
} else {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${current}\n`);
}
