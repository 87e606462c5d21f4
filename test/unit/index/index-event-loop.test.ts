import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexRequestHandler } from '../../../src/main/core/index/index-requests';
import { indexMigrations } from '../../../src/main/core/index/index-schema';
import { startIndexStore } from '../../../src/main/core/index/index-store';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase } from '../../../src/main/core/store/database';
import { openRebuildableDatabase } from '../../../src/main/core/store/rebuildable-database';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { probeRoundTrips, type LatencyStats } from '../../support/round-trip-probe';

/**
 * What a round trip's p99 may reach while the index writes: a few ms, three times the p99 just
 * before with no write at all, or a twentieth of the write's own CPU time, whichever is most.
 * The probe leaves out the time the main thread waited for a core (see round-trip-probe.ts), so
 * a machine busy with other work does not move its figures; what still can (the main thread
 * waiting on the process's own GC helpers while they wait for a core) stays far below the
 * write's cost. The write on the main thread holds a round trip up for all of that cost.
 */
const fewMs = 10;
const shareOfWrite = 1 / 20;
const rows = 200_000;
/** The bucket the rows belong to. */
const bucketRow = { sql: "INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c1', 'media')", rows: [[]] };
/** One statement inserting 200,000 objects (and their trigram index entries): seconds of work. */
const longWrite = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
  INSERT INTO objects (bucket_id, key, size, etag, last_modified, storage_class, first_sync)
  SELECT 1, printf('public/shoots/%05d/take-%06d.mov', i / 1000, i), i * 1024, randomblob(16), 1767225600000, NULL, 1 FROM n`;

let h: CoreHarness;
let dir: string;
let idleBoundMs = 0;

/** An IPC round trip through the router, as either host makes it. */
const roundTrip = () => h.core.router.handle('connections:list', {});
const report = (what: string, s: LatencyStats, boundMs?: number) =>
  console.info(
    `${what}: ${s.count} round trips, less run-queue wait p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms` +
      ` (wall p99 ${s.wall.p99.toFixed(1)} ms, max ${s.wall.max.toFixed(1)} ms), loop busy ${(100 * s.utilization).toFixed(0)}%,` +
      ` CPU ${s.cpu.thisThreadMs.toFixed(0)} ms here, ${s.cpu.otherThreadsMs.toFixed(0)} ms on other threads` +
      (boundMs ? ` (bound ${boundMs.toFixed(1)} ms)` : ''),
  );

beforeAll(async () => {
  h = startCore();
  await h.value('app:info', {});
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-index-loop-'));
  const idle = await probeRoundTrips(roundTrip, new Promise((resolve) => setTimeout(resolve, 1000)));
  report('no write', idle);
  idleBoundMs = Math.max(fewMs, 3 * idle.p99);
}, 30_000);
afterAll(() => {
  h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a long index write and the main thread', () => {
  it('in the index worker, leaves IPC round trips on the main thread fast', async () => {
    const index = startIndexStore({ file: path.join(dir, 'worker.sqlite'), logger: silentLogger });
    try {
      await index.opened;
      const stats = await probeRoundTrips(roundTrip, index.write([bucketRow, { sql: longWrite, rows: [[]] }]));
      const boundMs = Math.max(idleBoundMs, shareOfWrite * stats.cpu.otherThreadsMs);
      report('write in the worker', stats, boundMs);
      expect(await index.get('SELECT count(*) AS n FROM objects')).toEqual({ n: rows });
      expect(stats.count).toBeGreaterThan(50);
      expect(stats.p99).toBeLessThan(boundMs);
    } finally {
      index.close();
    }
  }, 60_000);

  it('on the main thread (the control), holds the same round trips up far beyond the bound', async () => {
    const { db } = openRebuildableDatabase({ file: path.join(dir, 'main.sqlite'), migrations: indexMigrations, logger: silentLogger });
    try {
      const handler = new IndexRequestHandler(db);
      const write = new Promise((resolve) =>
        setTimeout(() => resolve(handler.handle({ id: 1, op: 'write', steps: [bucketRow, { sql: longWrite, rows: [[]] }] })), 20),
      );
      const stats = await probeRoundTrips(roundTrip, write);
      const writeCpuMs = stats.cpu.thisThreadMs;
      report('write on the main thread', stats, Math.max(idleBoundMs, shareOfWrite * writeCpuMs));
      // The worker case's bound, were its write's CPU time this thread's: exceeded many times over.
      expect(stats.p99).toBeGreaterThan(5 * Math.max(idleBoundMs, shareOfWrite * writeCpuMs));
    } finally {
      closeDatabase(db);
    }
  }, 60_000);
});
