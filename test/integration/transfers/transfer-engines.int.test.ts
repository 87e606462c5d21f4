import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { isUploadPart, startFaultProxy, type FaultProxy, type ProxiedRequest } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { makeTree, objectSha256 } from './support/local-files';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

// The connection's transfer engine decides who builds the data requests: the app's fast path
// (signed with the SDK's signer, sent by the app, UNSIGNED-PAYLOAD) or the SDK's own commands. The
// other transfer suites run their cases in both; this one shows on the wire that they differ.
let gw: GatewayHandle;
let tb: TestBucket;
let proxy: FaultProxy;
const trees: string[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfer-engines');
  proxy = await startFaultProxy(gw.endpoint);
});
afterAll(async () => {
  await proxy.close();
  await tb.cleanup();
  for (const t of trees) rmSync(t, { recursive: true, force: true });
});

/** Uploads a small file and a multipart one; returns the data PUTs the server saw. */
async function uploadThrough(h: TransferHarness, prefix: string): Promise<{ puts: ProxiedRequest[]; sha: Record<string, string> }> {
  const { root, sha } = makeTree({ 'small.txt': 'small body', 'large.bin': 12 * MiB }, 'engines');
  trees.push(root);
  const paths = [join(root, 'small.txt'), join(root, 'large.bin')];
  h.drop(...paths);
  const before = proxy.requests.length;
  const plan = await h.value('transfers:planUpload', { connectionId: h.connectionId, bucket: tb.bucket, prefix, paths });
  const { items } = await h.settled((await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' })).batchId);
  expect(items.map((i) => [i.name, i.state, i.error?.message])).toEqual([
    ['small.txt', 'done', undefined],
    ['large.bin', 'done', undefined],
  ]);
  const puts = proxy.requests.slice(before).filter((r) => r.method === 'PUT');
  expect(puts.filter(isUploadPart)).toHaveLength(3);
  return { puts, sha };
}

describe('transfer engines', () => {
  it('fast: PutObject and UploadPart are sent by the app, unsigned payload, outside the SDK', async () => {
    const h = await startTransferCore({ gw, endpoint: proxy.endpoint, transferEngine: 'fast' });
    try {
      const { puts, sha } = await uploadThrough(h, 'fast/');
      expect(puts).toHaveLength(4);
      for (const put of puts) {
        expect(put.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
        expect(put.headers['amz-sdk-invocation-id']).toBeUndefined();
        expect(put.headers.expect).toBeUndefined();
      }
      expect(await objectSha256(tb.client, tb.bucket, 'fast/large.bin')).toBe(sha['large.bin']);
    } finally {
      h.close();
    }
  });

  it('sdk: every PutObject and UploadPart is the SDK’s own request', async () => {
    const h = await startTransferCore({ gw, endpoint: proxy.endpoint, transferEngine: 'sdk' });
    try {
      const { puts, sha } = await uploadThrough(h, 'sdk/');
      expect(puts).toHaveLength(4);
      for (const put of puts) expect(put.headers['amz-sdk-invocation-id'], put.target).toMatch(/^[0-9a-f-]{36}$/);
      // The SDK signs a body it holds in memory (the small file) and leaves streamed parts unsigned.
      const small = puts.find((p) => p.target.includes('small.txt'));
      expect(small?.headers['x-amz-content-sha256']).toBe(sha['small.txt']);
      expect(await objectSha256(tb.client, tb.bucket, 'sdk/large.bin')).toBe(sha['large.bin']);
    } finally {
      h.close();
    }
  });
});
