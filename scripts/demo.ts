/**
 * `npm run demo`: a local S3 gateway with a demo bucket of sample media, added to the app as a
 * connection, then the app itself: Electron where its binary is installed, else the browser host.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { KeyFileSecretStore } from '../src/main/browser-host/key-file-secret-store';
import { runBrowserHost } from '../src/main/browser-host/run-browser-host';
import { createAppCore } from '../src/main/core/app-core';
import { silentLogger } from '../src/main/core/logger';
import { acquireGateway, releaseGateway } from '../test/support/rgw/state';
import { s3ClientFor, type GatewayHandle } from '../test/support/s3-test-env';
import { sampleMedia } from './demo/sample-media';

const demoBucket = 'demo-media';
const profile = 'bucket-admin-demo';
const demoDir = resolve('.demo');

async function fillBucket(s3: S3Client): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: demoBucket })).catch((error: unknown) => {
    if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw error;
  });
  for (const o of sampleMedia()) {
    const isPublic = o.key.startsWith('public/');
    await s3.send(
      new PutObjectCommand({
        Bucket: demoBucket,
        Key: o.key,
        Body: o.body,
        ContentType: o.contentType,
        ACL: isPublic ? 'public-read' : 'private',
        ...(isPublic ? { CacheControl: 'public, max-age=86400' } : {}),
      }),
    );
  }
}

/** A profile in demo-only AWS files: the app stores no secret, and Electron can read it too. */
function writeDemoProfile(gw: GatewayHandle): Record<string, string> {
  const awsDir = join(demoDir, 'aws');
  mkdirSync(awsDir, { recursive: true });
  writeFileSync(join(awsDir, 'credentials'), `[${profile}]\naws_access_key_id = ${gw.accessKeyId}\naws_secret_access_key = ${gw.secretAccessKey}\n`, { mode: 0o600 });
  writeFileSync(join(awsDir, 'config'), `[profile ${profile}]\nregion = ${gw.region}\n`);
  return { AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'), AWS_CONFIG_FILE: join(awsDir, 'config') };
}

/** Adds the demo connection to the given data folder, or points it at today's gateway. */
async function addConnection(dataDir: string, gw: GatewayHandle): Promise<void> {
  const core = createAppCore({ dataDir, secretStore: new KeyFileSecretStore(join(dataDir, 'dev-secret.key')), host: 'browser', version: 'demo', logger: silentLogger });
  const draft = {
    name: 'Demo (local gateway)',
    credentials: { kind: 'profile', profile },
    region: gw.region,
    endpoint: gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
    bucket: demoBucket,
  } as const;
  try {
    const listed = await core.router.handle('connections:list', {});
    // The gateway's port changes between runs: an earlier demo connection is updated, not duplicated.
    const existing = listed.ok ? (listed.value as { id: string; name: string }[]).find((c) => c.name === draft.name) : undefined;
    const saved = existing
      ? await core.router.handle('connections:update', { id: existing.id, draft })
      : await core.router.handle('connections:add', draft);
    if (!saved.ok) throw new Error(saved.error.message);
  } finally {
    core.close();
  }
}

async function main(): Promise<void> {
  const acquired = await acquireGateway();
  const gw = acquired.handle;
  await fillBucket(s3ClientFor(gw));
  Object.assign(process.env, writeDemoProfile(gw));
  const electronReady = existsSync(resolve('node_modules/electron/path.txt'));
  const dataDir = join(demoDir, electronReady ? 'electron' : 'browser');
  // Electron keeps the core's files in <userData>/data (src/main/electron/app-paths.ts).
  await addConnection(electronReady ? join(dataDir, 'data') : dataDir, gw);
  console.log(`Demo bucket “${demoBucket}” is ready at ${gw.endpoint}.`);

  const stop = async () => {
    if (acquired.started) await releaseGateway(acquired);
    process.exit(0);
  };
  if (electronReady) {
    const child = spawn('npx', ['electron-vite', 'preview'], { stdio: 'inherit', env: { ...process.env, BUCKET_ADMIN_DATA_DIR: dataDir } });
    child.on('exit', () => void stop());
    return;
  }
  console.log('Electron is not installed here; opening the browser host instead.');
  const build = spawn('npm', ['run', 'build:renderer'], { stdio: 'inherit' });
  await new Promise<void>((done, fail) => build.on('exit', (code) => (code === 0 ? done() : fail(new Error('renderer build failed')))));
  const host = await runBrowserHost({ dataDir });
  console.log(`\n  Open: ${host.url}\n\nPress Ctrl+C to stop (the gateway stops too if this started it).`);
  process.once('SIGINT', () => void host.close().then(stop));
  process.once('SIGTERM', () => void host.close().then(stop));
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
