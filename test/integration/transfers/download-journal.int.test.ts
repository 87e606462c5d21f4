// A ranged download journals its finished ranges while it runs (issue 14): in batches, each after
// one fdatasync, at most once per `downloadJournalMs`, beside the ranges still in flight instead of
// stopping one of them. What a crash (no pause, no stop) would find: the ranges finished before it,
// in the journal, while the others are still on the way; and the download still ends whole.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiB } from '../../../src/main/core/s3/part-size';
import { stateFileName } from '../../../src/main/core/store/state-file';
import { transferEngineSchema } from '../../../src/shared/model/connection';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, gatewayFromState, putObjects, type GatewayHandle, type TestBucket } from '../../support/s3-test-env';
import { sha256 } from './support/local-files';
import { scriptedDialogs } from './support/scripted-dialogs';
import { startTransferCore, type TransferHarness } from './support/transfer-harness';

let gw: GatewayHandle;
let tb: TestBucket;
// Ranged in the tests' settings (above 8 MiB, 5 MiB ranges): three ranges.
const big = randomBytes(12 * MiB);

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'transfers-download-journal');
  await putObjects(tb.client, tb.bucket, [{ key: 'j/big.bin', body: big }]);
});
afterAll(async () => {
  await tb.cleanup();
});

describe.each(transferEngineSchema.options)('ranged download journal (%s engine)', (engine) => {
  let proxy: FaultProxy;
  let h: TransferHarness;
  let dest: string;

  beforeAll(async () => {
    proxy = await startFaultProxy(gw.endpoint);
    dest = mkdtempSync(join(tmpdir(), 'bucket-admin-dljournal-'));
    // Every finished range is due for the journal at once: the test need not wait out the interval.
    h = await startTransferCore({
      gw,
      endpoint: proxy.endpoint,
      dialogs: scriptedDialogs({ downloadFolder: dest }),
      transferEngine: engine,
      transfers: { downloadJournalMs: 0 },
    });
    await h.value('dialogs:chooseDownloadFolder', {});
  });
  afterAll(async () => {
    h.close();
    await proxy.close();
    rmSync(dest, { recursive: true, force: true });
  });

  it('journals a finished range while the other ranges are still on the way, then ends whole', async () => {
    // The first range passes; the others' answers are held until the journal has the first one.
    let holding = true;
    const held: Array<() => void> = [];
    proxy.setRule((req) =>
      holding && req.method === 'GET' && req.headers.range && !req.headers.range.startsWith('bytes=0-')
        ? { kind: 'holdResponse', onHeld: (release) => (holding ? held.push(release) : release()) }
        : { kind: 'pass' },
    );
    const plan = await h.value('transfers:planDownload', {
      connectionId: h.connectionId,
      bucket: tb.bucket,
      keys: ['j/big.bin'],
      prefixes: [],
      destination: dest,
    });
    const started = await h.value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
    const db = new Database(join(h.dataDir, stateFileName), { readonly: true, fileMustExist: true });
    try {
      const rows = await h.until(() => {
        const found = db.prepare('SELECT part_number AS n, size FROM transfer_parts').all() as Array<{ n: number; size: number }>;
        return Promise.resolve(found.length > 0 ? found : undefined);
      }, 'the first range in the journal');
      const { items } = await h.value('transfers:list', { batchId: started.batchId });
      // Not paused, not stopped: journaled while running.
      expect(items[0]?.state).toBe('active');
      expect(rows).toEqual([{ n: 1, size: 5 * MiB }]);
    } finally {
      db.close();
      holding = false;
      proxy.setRule(() => ({ kind: 'pass' }));
      for (const release of held.splice(0)) release();
    }
    const { items } = await h.settled(started.batchId, 90_000);
    expect(items[0]?.state).toBe('done');
    expect(sha256(readFileSync(join(dest, 'big.bin')))).toBe(sha256(big));
  }, 120_000);
});
