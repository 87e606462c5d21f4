import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareKeys } from '../../../src/main/core/index/key-order';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { startFaultProxy, type ProxiedRequest } from '../../support/fault-proxy';
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

/** A sync's lister asks for whole pages (no delimiter, no max-keys); its planner always sets one. */
const isPageRequest = (r: ProxiedRequest) => r.method === 'GET' && !/[?&](max-keys|delimiter)=/.test(r.target);

/**
 * Syncs the fixture in a fresh core, through a counting proxy; returns the rows it indexed, how
 * the sync went, and what it asked of the gateway (requests, pages, bytes listed: load-independent).
 */
async function syncFixture(parallel: boolean) {
  const proxy = await startFaultProxy(gw.endpoint);
  try {
    return {
      ...(await syncThrough(proxy.endpoint, parallel)),
      pageRequests: proxy.requests.filter(isPageRequest).length,
      bytes: proxy.stats.bytesDown,
    };
  } finally {
    await proxy.close();
  }
}

async function syncThrough(endpoint: string, parallel: boolean) {
  const h = startCore();
  cores.push(h);
  const syncs = watchSyncs(h);
  const connection = await h.value('connections:add', {
    name: 'Gateway',
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
    endpoint,
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
    const describe = (r: typeof parallel) =>
      `${r.seconds.toFixed(2)} s, ${r.end.ranges} ranges, ${r.end.listRequests} requests (${r.pageRequests} pages), ${(r.bytes / 1e6).toFixed(2)} MB listed`;
    console.info(`parallel: ${describe(parallel)}; sequential: ${describe(sequential)}`);
    expect(parallel.end).toMatchObject({ state: 'done', objects: keys.length });
    expect(sequential.end).toMatchObject({ state: 'done', objects: keys.length });
    // Split for real: the flat folder too, not only at the top-level folders.
    expect(parallel.end.ranges).toBeGreaterThan(10);
    expect(sequential.end.ranges).toBeLessThanOrEqual(2);
    expect(parallel.rows.map((r) => r.key)).toEqual([...keys].sort(compareKeys));
    expect(parallel.rows).toEqual(sequential.rows);
    // What the gateway did, not how long it took (the machine is shared): a range goes on into the
    // next while no other lister has it, so only where listers meet is a page cut short; before,
    // each of dozens of small ranges cost a page of its own (108 requests where 22 do).
    expect(parallel.pageRequests).toBeLessThanOrEqual(sequential.pageRequests + 8);
    expect(parallel.end.listRequests).toBeLessThanOrEqual(sequential.end.listRequests * 3 + 5);
    expect(parallel.bytes).toBeLessThan(sequential.bytes * 1.5);
  }, 600_000);
});
