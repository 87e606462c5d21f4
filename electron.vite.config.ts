import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three builds: main (ESM, dependencies stay in node_modules — better-sqlite3 is native and must
 * never be bundled), preload (one self-contained CommonJS file, because a sandboxed preload can
 * `require` only `electron` and cannot load ESM or other files), renderer (React, served as
 * `app://bundle`). Paths are relative to the project root, where electron-vite is always run.
 */
export default defineConfig({
  main: {
    build: {
      // Every package in "dependencies" stays external and is shipped by electron-builder.
      externalizeDeps: true,
      // The index worker is a second entry: worker_threads loads it as its own file (index/worker-entry.ts).
      lib: { entry: { index: 'src/main/index.ts', 'index-worker': 'src/main/core/index/index-worker.ts' } },
      outDir: 'out/main',
    },
  },
  preload: {
    build: {
      // Bundle zod and the contract into the preload: the sandbox has no module loader.
      externalizeDeps: false,
      lib: { entry: 'src/preload/index.ts' },
      outDir: 'out/preload',
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: 'src/renderer/index.html' },
    },
  },
});
