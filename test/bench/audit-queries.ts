// Times the audit's searches and reports on a synthetic index of N objects (default 1,000,000):
//   npx tsx test/bench/audit-queries.ts [objects]
// Prints p50/p95 per search kind (200 runs each) and each report's time, and one JSON line.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIndexStore } from '../../src/main/core/index/index-store';
import { toStoredEtagSql, toStoredTimeSql } from '../../src/main/core/index/stored-values';
import { silentLogger } from '../../src/main/core/logger';
import type { SearchQueryInput } from '../../src/shared/model/audit';
import { timeReports, timeSearches } from './support/index-queries';

const n = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
const file = join(dir, 'index.sqlite');
const store = startIndexStore({ file, logger: silentLogger });
const words = ['holiday', 'invoice', 'render', 'master', 'proxy', 'thumb', 'export', 'draft'];
const exts = ['jpg', 'mov', 'png', 'pdf', 'mp4', 'wav', 'json', 'txt'];

async function main(): Promise<void> {
  await store.opened;
  await store.write([{ sql: `INSERT INTO buckets (connection_id, bucket) VALUES ('c', 'b')`, rows: [[]] }]);
  await store.write([
    { sql: `INSERT INTO syncs (bucket_id, source, state, started_at) VALUES (1, 'list', 'done', '2026-01-01')`, rows: [[]] },
  ]);
  const t0 = performance.now();
  await store.write([
    {
      sql: `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${n - 1})
        INSERT INTO objects (bucket_id, key, size, etag, last_modified, storage_class, first_sync, scanned_at)
        SELECT 1, printf('%s/%s/%03d/%s-%07d.%s', CASE i % 2 WHEN 0 THEN 'public' ELSE 'private' END, json_extract(@words, '$[' || (i % 8) || ']'),
               i % 997, json_extract(@words, '$[' || ((i / 8) % 8) || ']'), i, json_extract(@exts, '$[' || ((i / 3) % 8) || ']')),
               (i * 7919) % 50000000, ${toStoredEtagSql(`printf('%032x', (i % (${n} - 5000)))`)},
               ${toStoredTimeSql(`printf('2025-%02d-%02dT00:00:00.000Z', 1 + i % 12, 1 + i % 28)`)},
               CASE i % 10 WHEN 0 THEN 'GLACIER' END, 1,
               '2026-01-01'
        FROM s`,
      rows: [{ words: JSON.stringify(words), exts: JSON.stringify(exts) }],
    },
    {
      // Every object scanned (object_scans, index v14); row i has id i + 1.
      sql: `INSERT INTO object_scans (object_id, cache_issue, anyone_can_read)
        SELECT id, CASE WHEN (id - 1) % 50 = 0 THEN 'missing' END, CASE WHEN (id - 1) % 1000 = 1 THEN 1 ELSE (id - 1) % 2 = 0 END FROM objects`,
      rows: [[]],
    },
  ]);
  const fillMs = performance.now() - t0;
  const kinds: Record<string, (i: number) => SearchQueryInput> = {
    'substring (trigram)': (i) => ({ name: `${words[i % 8]}-00${i % 10}` }),
    'common substring': (i) => ({ name: words[i % 8] ?? '' }),
    'prefix 2 chars': (i) => ({ name: `p${'ur'[i % 2]}` }),
    extension: (i) => ({ extension: exts[i % 8] ?? '' }),
    'size range': (i) => ({ minSize: i * 1000, maxSize: i * 1000 + 100_000 }),
    'date range': (i) => ({ modifiedAfter: `2025-0${1 + (i % 9)}-01T00:00:00Z`, modifiedBefore: `2025-0${1 + (i % 9)}-03T00:00:00Z` }),
    'storage class + root': () => ({ storageClass: 'GLACIER', root: 'private' }),
    etag: (i) => ({ etag: (i * 31).toString(16).padStart(32, '0') }),
    'under prefix + name': (i) => ({ prefix: `public/${words[i % 8]}/`, name: 'thumb' }),
  };
  const searches = await timeSearches(store, 1, kinds, 200);
  const reports = await timeReports(store, 1, 1);
  const mb = round(statSync(file).size / 1024 / 1024);
  console.table(searches);
  console.table(reports);
  console.log(JSON.stringify({ objects: n, fillMs: round(fillMs), indexMb: mb, searches, reports }));
}

const round = (v: number) => Math.round(v * 10) / 10;

main()
  .finally(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
