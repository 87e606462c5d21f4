/**
 * `npm run demo`: the app with its demo started — a local S3 gateway, a sample bucket under
 * public/ and private/, and the demo connection, opened at once. The same path as the empty app's
 * "Try the demo" button (src/main/core/demo/demo-service.ts). Electron where its binary is
 * installed, else the browser host.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBrowserHost } from '../src/main/browser-host/run-browser-host';

const demoDir = resolve('.demo');

async function main(): Promise<void> {
  if (existsSync(resolve('node_modules/electron/path.txt'))) {
    const child = spawn('npx', ['electron-vite', 'preview'], {
      stdio: 'inherit',
      env: { ...process.env, BUCKET_ADMIN_DEMO: '1', BUCKET_ADMIN_DATA_DIR: join(demoDir, 'electron') },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log('Electron is not installed here; opening the browser host instead.');
  const build = spawn('npx', ['tsx', 'scripts/build-renderer-if-changed.ts'], { stdio: 'inherit' });
  await new Promise<void>((done, fail) => build.on('exit', (code) => (code === 0 ? done() : fail(new Error('renderer build failed')))));
  console.log('Starting the local S3 gateway and filling the demo bucket…');
  const host = await runBrowserHost({ dataDir: join(demoDir, 'browser'), startDemo: true });
  console.log(`\n  Open: ${host.url}\n\nPress Ctrl+C to stop (the gateway stops too if this started it).`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
