import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBrowserDataDir, runBrowserHost } from './run-browser-host';

/** `npm run start:browser`: the app in any browser, backed by the real core, on 127.0.0.1. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, static: { type: 'string' } },
  });
  const host = await runBrowserHost({
    dataDir: resolve(values['data-dir'] ?? process.env.BUCKET_ADMIN_DATA_DIR ?? defaultBrowserDataDir),
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.static ? { staticDir: resolve(values.static) } : {}),
  });
  process.stdout.write(`Bucket Admin (browser host) is running.\n  Open: ${host.url}\n  Data: ${host.dataDir}\nPress Ctrl+C to stop.\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
