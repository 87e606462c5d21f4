/**
 * Where the index worker's code is, for `new Worker(...)`. Built, the main bundle and the worker
 * are both in `out/main` (`electron.vite.config.ts` lists `index-worker` as a second entry), so it
 * is `./index-worker.js` beside this code. From source (tests, the browser host under tsx), this
 * file is `worker-entry.ts` and the worker is its TypeScript neighbour, loaded through tsx.
 */
export function indexWorkerEntry(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  // Names in variables: a literal `new URL('./x', import.meta.url)` would be taken as an asset by Vite.
  const source = './index-worker.ts';
  const built = './index-worker.js';
  return here.endsWith('.ts') ? { url: new URL(source, here), execArgv: ['--import', 'tsx'] } : { url: new URL(built, here), execArgv: [] };
}
