// The download data path in each transfer engine (issue 14): many small files at once over kept
// connections, bodies cut part-way (retried, never kept), and the server's error answers to a
// GET (a replaced object) read from the raw socket path of the fast engine.
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import type { FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { sha256 } from './support/local-files';
import { downloadCore } from './support/download-core';
import type { TransferHarness } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
const smallCount = 40;
const small = Array.from({ length: smallCount }, (_, i) => ({
  key: `many/f${String(i).padStart(2, '0')}.bin`,
  body: randomBytes(64 * 1024),
}));
const big = randomBytes(12 * MiB);

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-download-paths');
  await putObjects(tb.client, tb.bucket, [...small, { key: 'ranged/big.bin', body: big }]);
});
afterAll(async () => {
  await tb.cleanup();
});

describe.each(transferEngineSchema.options)('download data path (%s engine)', (engine) => {
  const core = downloadCore(() => gw, engine, 'dlpath');
  let proxy: FaultProxy;
  let h: TransferHarness;
  let dest: string;

  beforeAll(() => {
    ({ proxy, h, dest } = core);
  });

  const download = async (keys: string[], prefixes: string[], folder: string) => {
    const plan = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys,
      prefixes,
      destination: folder,
    });
    const started = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
    return h.settled(started.batchId, 90_000);
  };

  it('downloads many small files at once, each whole, though every fifth body is cut part-way the first time', async () => {
    const folder = join(dest, 'many');
    const gets = new Map<string, number>();
    proxy.setRule((req) => {
      if (req.method !== 'GET' || !req.target.includes('/many/f')) return { kind: 'pass' };
      const n = (gets.get(req.target) ?? 0) + 1;
      gets.set(req.target, n);
      const index = Number(/f(\d+)\.bin/.exec(req.target)?.[1] ?? -1);
      return index % 5 === 0 && n === 1 ? { kind: 'cutResponse', afterBytes: 20 * 1024 } : { kind: 'pass' };
    });
    const before = proxy.stats.connections;
    const { items } = await download([], ['many/'], dest);
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(items.filter((i) => i.state !== 'done').map((i) => `${i.key}: ${i.error?.message ?? i.state}`)).toEqual([]);
    expect(proxy.stats.cuts).toBeGreaterThanOrEqual(smallCount / 5);
    // A cut body is fetched again, never kept as it was.
    for (const { key, body } of small) expect(sha256(readFileSync(join(folder, key.slice('many/'.length))))).toBe(sha256(body));
    expect(readdirSync(folder).filter((n) => n.includes('part-bucketadmin'))).toEqual([]);
    // Connections are kept between requests: far fewer than one per file.
    expect(proxy.stats.connections - before).toBeLessThan(smallCount / 2 + smallCount / 5);
  }, 120_000);

  it('fails a ranged download whose object was replaced (412 on a range) with Conflict, and keeps no file', async () => {
    let ranged = 0;
    proxy.setRule((req) => {
      if (req.method !== 'GET' || !req.headers.range) return { kind: 'pass' };
      ranged += 1;
      // The second range finds another version of the object.
      return ranged === 2
        ? {
            kind: 'respond',
            status: 412,
            headers: { 'content-type': 'application/xml' },
            body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>',
          }
        : { kind: 'pass' };
    });
    const { items } = await download(['ranged/big.bin'], [], dest);
    proxy.setRule(() => ({ kind: 'pass' }));
    expect(items[0]).toMatchObject({
      state: 'failed',
      error: { code: 'Conflict', message: expect.stringContaining('was replaced in the bucket while it was downloading') as string },
    });
    expect(readdirSync(dest).filter((n) => n === 'big.bin')).toEqual([]);
    // Retried after the answer: the next download of it is whole.
    const again = await download(['ranged/big.bin'], [], dest);
    expect(again.items[0]?.state).toBe('done');
    expect(sha256(readFileSync(join(dest, 'big.bin')))).toBe(sha256(big));
  }, 120_000);
});
