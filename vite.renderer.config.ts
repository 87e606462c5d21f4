import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Libraries in their own chunks, so no chunk is over Vite's 500 kB warning limit and an app change
 * does not re-download React (the groups are matched in order; the first that fits wins).
 */
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'vendor-ui', test: /node_modules[\\/](@radix-ui|@floating-ui|lucide-react|@tanstack)[\\/]/ },
  { name: 'vendor-zod', test: /node_modules[\\/]zod[\\/]/ },
  // ECharts is imported on demand by the audit's charts: its own chunk keeps it out of start-up.
  // ECharts and its renderer zrender apart (together they pass the 500 kB line); zrender needs the
  // higher priority, or the charts group takes it along as a dependency of echarts.
  { name: 'vendor-charts', test: /node_modules[\\/]echarts[\\/]/ },
  { name: 'vendor-zrender', test: /node_modules[\\/](zrender|tslib)[\\/]/, priority: 1 },
  { name: 'vendor', test: /node_modules[\\/]/ },
];

/** The renderer alone, for the browser host (development and end-to-end tests). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
});
