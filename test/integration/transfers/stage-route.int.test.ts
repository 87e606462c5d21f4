import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBrowserHost } from '../../../src/main/browser-host/run-browser-host';
import { stateFileName } from '../../../src/main/core/store/state-file';
import { silentLogger } from '../../../src/main/core/logger';
import type { Channel, ChannelInput, ChannelResult } from '../../../src/shared/contract';
import { stageRoutePath, type StageResponse } from '../../../src/shared/model/transfer';
import type { Result } from '../../../src/shared/result';
import type { ServerMessage } from '../../../src/shared/wire';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { objectSha256, sha256 } from './support/local-files';

let gw: GatewayHandle;
let tb: TestBucket;
let host: Awaited<ReturnType<typeof runBrowserHost>>;
let ws: WebSocket;
let dataDir: string;
let nextId = 1;
const pending = new Map<number, (r: Result<unknown>) => void>();

/** Calls a channel over the host's WebSocket, as the renderer in a browser does; answers the envelope. */
function callRaw<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<unknown>> {
  const id = nextId++;
  return new Promise<Result<unknown>>((resolve) => {
    pending.set(id, resolve);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, input }));
  });
}

/** Like callRaw, but answers the value and fails the test on an error envelope. */
async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await callRaw(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelResult<C>;
}

function stage(batch: string, path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const url = `${host.origin}${stageRoutePath}?token=${host.token}&batch=${batch}&path=${encodeURIComponent(path)}`;
  return fetch(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { origin: host.origin, ...headers },
    signal: AbortSignal.timeout(10_000),
  });
}

let connectionId: string | undefined;

async function addConnection(): Promise<{ id: string }> {
  connectionId ??= (
    await call('connections:add', {
      name: 'Gateway',
      credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
      endpoint: gw.endpoint,
      forcePathStyle: true,
      checksumCompatibility: true,
    })
  ).id;
  return { id: connectionId };
}

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-stage');
  dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-stage-'));
  host = await runBrowserHost({ dataDir, staticDir: dataDir, logger: silentLogger, maxStageBytes: 1024 * 1024 });
  ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, { headers: { origin: host.origin } });
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ServerMessage;
    if (message.type === 'result') pending.get(message.id)?.(message.result);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  // The host opens its API only after the page says hello with the token.
  ws.send(JSON.stringify({ type: 'hello', token: host.token }));
});
afterAll(async () => {
  ws.close();
  await host.close();
  await tb.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('browser host: dropped files are staged, then uploaded by the same path-based code', () => {
  it('stages a dropped folder and uploads it with its relative paths; the staged copies are removed after', async () => {
    const batch = randomUUID();
    const a = await stage(batch, 'Shoot/a.jpg', 'jpeg bytes');
    const b = await stage(batch, 'Shoot/sub/b.txt', 'text bytes');
    expect([a.status, b.status]).toEqual([201, 201]);
    const staged = (await a.json()) as StageResponse;
    expect(staged.root).toBe(join(dataDir, 'staging', batch, 'Shoot'));
    expect(((await b.json()) as StageResponse).root).toBe(staged.root);

    const connection = await addConnection();
    const plan = await call('transfers:planUpload', {
      connectionId: connection.id,
      bucket: tb.bucket,
      prefix: 'public/drop/',
      paths: [staged.root],
    });
    expect(plan.sample.map((s) => s.key)).toEqual(['public/drop/Shoot/a.jpg', 'public/drop/Shoot/sub/b.txt']);
    const started = await call('transfers:startUpload', { planId: plan.planId, conflict: 'skip' });
    const deadline = Date.now() + 30_000;
    let states: string[] = [];
    while (Date.now() < deadline) {
      const page = await call('transfers:list', { batchId: started.batchId });
      states = page.items.map((i) => i.state);
      if (states.every((s) => s === 'done')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(states).toEqual(['done', 'done']);
    expect(await objectSha256(tb.client, tb.bucket, 'public/drop/Shoot/sub/b.txt')).toBe(sha256(Buffer.from('text bytes')));
    expect(existsSync(staged.path)).toBe(false);
    expect(existsSync(join(dataDir, 'staging', batch, 'Shoot', 'sub'))).toBe(false);
  });

  it.each([
    ['../escape.txt', 400],
    ['/etc/passwd', 400],
    ['a\\..\\b', 400],
    ['a//b', 400],
    ['C:/x', 400],
  ])('refuses the path %j', async (path, status) => {
    const res = await stage(randomUUID(), path, 'x');
    expect(res.status).toBe(status);
    expect(((await res.json()) as { message: string }).message).toMatch(/cannot be used/);
  });

  it('refuses a bad batch id, another origin, no token, an oversized file and the same name twice', async () => {
    expect((await stage('not-a-uuid', 'a.txt', 'x')).status).toBe(400);
    expect((await stage(randomUUID(), 'a.txt', 'x', { origin: 'https://evil.example' })).status).toBe(403);
    const noToken = await fetch(`${host.origin}${stageRoutePath}?batch=${randomUUID()}&path=a.txt`, {
      method: 'POST',
      body: 'x',
      headers: { origin: host.origin },
    });
    expect(noToken.status).toBe(403);
    expect((await stage(randomUUID(), 'big.bin', Buffer.alloc(1024 * 1024 + 1))).status).toBe(413);
    const batch = randomUUID();
    expect((await stage(batch, 'twice.txt', 'one')).status).toBe(201);
    expect((await stage(batch, 'twice.txt', 'two')).status).toBe(409);
  });

  it('uploads only from the staging folder: the data folder’s key file and database, and `..` out of staging, are refused', async () => {
    const { id } = await addConnection();
    const keyFile = join(dataDir, 'dev-secret.key');
    expect(existsSync(keyFile)).toBe(true);
    for (const path of [keyFile, join(dataDir, stateFileName), join(dataDir, 'staging', '..', 'dev-secret.key'), '/etc/passwd']) {
      const result = await callRaw('transfers:planUpload', { connectionId: id, bucket: tb.bucket, prefix: 'public/steal/', paths: [path] });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'AccessDenied', message: expect.stringMatching(/only reads files you picked or dropped/) as string },
      });
    }
  });
});
