import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareKeys } from '../../../src/main/core/index/key-order';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { gatewayFromState, s3ClientFor, type GatewayHandle } from '../../support/s3-test-env';
import { deepFlatBucket, ensureDeepFlatBucket } from './support/deep-flat-fixture';
import { liveRows, openIndexOf, watchSyncs } from './support/index-env';

let gw: GatewayHandle;
let keys: string[];
const cores: CoreHarness[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  const client = s3ClientFor(gw);
  keys = await ensureDeepFlatBucket(client);
  client.destroy();
}, 600_000);
afterAll(() => cores.forEach((h) => h.close()));

/** Syncs the fixture in a fresh core; returns the rows it indexed and how the sync went. */
async function syncFixture(parallel: boolean) {
  const h = startCore();
  cores.push(h);
  const syncs = watchSyncs(h);
  const connection = await h.value('connections:add', {
    name: 'Gateway',
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
    endpoint: gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
  });
  const startedAt = performance.now();
  const { jobId } = await h.value('index:sync', { connectionId: connection.id, bucket: deepFlatBucket, parallel });
  const end = await syncs.end(jobId, 300_000);
  const seconds = (performance.now() - startedAt) / 1000;
  const index = openIndexOf(h.dataDir);
  try {
    return { end, seconds, rows: await liveRows(index, connection.id, deepFlatBucket) };
  } finally {
    index.close();
  }
}

describe('a sync in parallel key ranges', () => {
  it('indexes exactly the rows a sequential listing does, for deep folders and a flat folder of 20,000 keys', async () => {
    const parallel = await syncFixture(true);
    const sequential = await syncFixture(false);
    console.info(
      `parallel: ${parallel.seconds.toFixed(2)} s, ${parallel.end.ranges} ranges, ${parallel.end.listRequests} requests; ` +
        `sequential: ${sequential.seconds.toFixed(2)} s, ${sequential.end.ranges} ranges, ${sequential.end.listRequests} requests`,
    );
    expect(parallel.end).toMatchObject({ state: 'done', objects: keys.length });
    expect(sequential.end).toMatchObject({ state: 'done', objects: keys.length });
    // Split for real: the flat folder too, not only at the top-level folders.
    expect(parallel.end.ranges).toBeGreaterThan(10);
    expect(sequential.end.ranges).toBeLessThanOrEqual(2);
    expect(parallel.rows.map((r) => r.key)).toEqual([...keys].sort(compareKeys));
    expect(parallel.rows).toEqual(sequential.rows);
  }, 600_000);
});
