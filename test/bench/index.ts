// npm run bench:index — the offline index at scale (issue 11), on the local gateway, in one run:
//  1. a bucket of 1,000,000 small objects laid out like a media bucket (made once, kept by the
//     gateway between runs: see index-bench-bucket.ts);
//  2. each a fresh process, in rotating order, medians of --rounds: a bare sequential
//     ListObjectsV2 loop (the SDK, nothing stored), `rclone lsf -R --fast-list`, and the app's sync
//     into SQLite (a real core, `index:sync` through the router, as the UI starts it) with the
//     longest its main thread's event loop was held up;
//  3. on the index that sync made: p50/p95 of --searches searches of each kind, and each report;
//  4. an S3 Inventory report (CSV.gz, S3's layout) of the same objects imported by the app.
// Targets: sync faster than the bare listing (ratio < 1) and than rclone; search p95 < 20 ms;
// every report < 1 s; import ≥ 1M rows/min; index ≤ 250 MB per million objects; event loop never
// held up > 50 ms. Options: --objects N (default 1,000,000; a smaller bucket of its own),
// --rounds N (default 3), --searches N (default 1,000), --sequential (also the app's sync in one
// range, to show what the key ranges bring).
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startIndexStore } from '../../src/main/core/index/index-store';
import { versionColumnsSql } from '../../src/main/core/index/stored-values';
import { silentLogger } from '../../src/main/core/logger';
import { makeS3Client } from '../../src/main/local-gateway/s3-client';
import type { SearchQueryInput } from '../../src/shared/model/audit';
import { makeInventory, writeInventoryFolder, type InventoryObject } from '../integration/index/support/inventory-maker';
import { benchTarget, requireTools } from './support/bench-target';
import { ensureIndexBenchBucket, indexBenchBucketOf } from './support/index-bench-bucket';
import { timeReports, timeSearches, type Percentiles } from './support/index-queries';
import type { IndexSyncChildArgs, IndexSyncChildReport } from './support/index-sync-child';
import type { ListLoopArgs, ListLoopReport } from './support/list-loop-child';
import { rcloneBin, rcloneEnv, type UploadTarget } from './support/peer-tools';
import { formatTable, median, round } from './support/stats';
import { lastJsonLine, runTimed, type TimedRun } from './support/timed-process';
import { bundleEngineChild, engineChildEnv } from './support/upload-app-engine';

const log = (line: string) => process.stderr.write(`${line}\n`);
const hourMs = 3_600_000;

type Lister = 'list loop' | 'rclone' | 'app sync' | 'app sync, one range';
interface Sample extends TimedRun {
  load: number;
  rows: number;
  app?: IndexSyncChildReport;
  /** The app's index.sqlite once its process has closed it (the WAL checkpointed into it). */
  indexBytes?: number;
}

/** A file's size, with what is left of its WAL (none once the last connection closed cleanly). */
function sqliteBytes(file: string): number {
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

/** The bench's children, each bundled as the app's main process is (no TypeScript loader in their time). */
interface Bundles {
  listLoop: string;
  app: string;
}

/** A bundled bench child, timed as a whole process like the peers (its start-up included). */
function runChild(bundle: string, args: unknown): Promise<TimedRun> {
  return runTimed(process.execPath, [bundle, JSON.stringify(args)], engineChildEnv(bundle), hourMs);
}

async function runLister(lister: Lister, t: UploadTarget, dataDir: string, bundles: Bundles): Promise<Sample> {
  const load = loadavg()[0] ?? 0;
  if (lister === 'list loop') {
    const run = await runChild(bundles.listLoop, t satisfies ListLoopArgs);
    return { ...run, load, rows: lastJsonLine<ListLoopReport>(run.stdout).objects };
  }
  if (lister === 'rclone') {
    const run = await runTimed(rcloneBin, ['lsf', '-R', '--fast-list', '--files-only', `bench:${t.bucket}`], rcloneEnv(t), hourMs);
    return { ...run, stdout: '', load, rows: run.stdout.split('\n').filter((l) => l.length > 0).length };
  }
  const args: IndexSyncChildArgs = { ...t, dataDir, mode: 'sync', parallel: lister === 'app sync' };
  const run = await runChild(bundles.app, args);
  const app = lastJsonLine<IndexSyncChildReport>(run.stdout);
  return { ...run, load, rows: app.end.objects, app, indexBytes: sqliteBytes(join(dataDir, 'index.sqlite')) };
}

/** Searches a person would type on this bucket's keys (index-bench-bucket.ts's layout). */
const searchKinds: Record<string, (i: number) => SearchQueryInput> = {
  'name contains (5 digits)': (i) => ({ name: String((i * 7919) % 100_000).padStart(5, '0') }),
  'name contains (common word)': (i) => ({ name: ['invoice', 'contract', 'IMG_', 'cam-2'][i % 4] ?? '' }),
  'name starts with, under folder': (i) => ({ prefix: 'public/thumbs/', name: `t00${i % 10}`, nameMatch: 'startsWith' }),
  extension: (i) => ({ extension: ['jpg', 'mov', 'png', 'pdf', 'webp'][i % 5] ?? '' }),
  'size range': (i) => ({ minSize: i % 200, maxSize: (i % 200) + 10 }),
  'date range': () => ({ modifiedAfter: new Date(Date.now() - 3_600_000).toISOString(), modifiedBefore: new Date().toISOString() }),
  'storage class + root': (i) => ({ storageClass: 'STANDARD', root: i % 2 === 0 ? 'private' : 'public' }),
  etag: () => ({ etag: 'd41d8cd98f00b204e9800998ecf8427e' }),
  'under folder + name': (i) => ({ prefix: `public/media/${2019 + (i % 8)}/`, name: `cam-${i % 5}` }),
};

/** The synced index: bucket id, every row (for the inventory), and the searches' and reports' times. */
async function queryPhase(dataDir: string, bucket: string, searches: number) {
  const store = startIndexStore({ file: join(dataDir, 'index.sqlite'), logger: silentLogger });
  try {
    await store.opened;
    const found = await store.get<{ id: number }>('SELECT id FROM buckets WHERE bucket = ?', [bucket]);
    if (!found) throw new Error(`${bucket} is not in the synced index`);
    log(`  ${searches} searches of each of ${Object.keys(searchKinds).length} kinds…`);
    const searchTimes = await timeSearches(store, found.id, searchKinds, searches);
    log('  each report, 3 times…');
    const reportTimes = await timeReports(store, found.id, 3);
    const rows = await store.all<{ key: string; size: number; etag: string | null; lastModified: string | null; storageClass: string }>(
      `SELECT ${versionColumnsSql('o')} FROM objects o WHERE o.bucket_id = ?`,
      [found.id],
    );
    const objects: InventoryObject[] = rows.map((r) => ({
      key: r.key,
      size: r.size,
      etag: r.etag ?? '',
      lastModified: new Date(r.lastModified ?? 0),
      storageClass: r.storageClass,
    }));
    return { searchTimes, reportTimes, objects };
  } finally {
    store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { objects: { type: 'string' }, rounds: { type: 'string' }, searches: { type: 'string' }, sequential: { type: 'boolean' } },
  });
  const count = Number(values.objects ?? 1_000_000);
  const rounds = Number(values.rounds ?? 3);
  const searches = Number(values.searches ?? 1000);
  for (const [name, v] of Object.entries({ objects: count, rounds, searches }))
    if (!(Number.isInteger(v) && v > 0)) throw new Error(`--${name} must be a whole number above 0`);
  requireTools();
  const b = indexBenchBucketOf(count);
  const { handle, target } = await benchTarget(b.bucket, log);
  const client = makeS3Client(handle, { timeoutMs: 60_000, maxAttempts: 5 });
  log(`bucket ${b.bucket}: ${await ensureIndexBenchBucket(client, b, log)}`);
  client.destroy();
  const expected = count + 1; // the marker too
  const bundles: Bundles = { listLoop: await bundleEngineChild('list-loop-child.ts'), app: await bundleEngineChild('index-sync-child.ts') };

  const listers: Lister[] = ['list loop', 'rclone', 'app sync', ...(values.sequential ? (['app sync, one range'] as const) : [])];
  const samples = new Map<Lister, Sample[]>(listers.map((l) => [l, []]));
  const dirs: string[] = [];
  let lastIndex = '';
  try {
    for (let r = 0; r < rounds; r += 1) {
      for (let i = 0; i < listers.length; i += 1) {
        const lister = listers[(i + r) % listers.length] as Lister;
        const dataDir = mkdtempSync(join(tmpdir(), 'bench-index-'));
        dirs.push(dataDir);
        const sample = await runLister(lister, target, dataDir, bundles);
        if (sample.rows !== expected) throw new Error(`${lister} found ${sample.rows} objects, not ${expected}`);
        samples.get(lister)?.push(sample);
        log(`  round ${r + 1}: ${lister} ${(sample.ms / 1000).toFixed(2)} s (load ${sample.load.toFixed(1)})${appFigures(sample)}`);
        if (lister === 'app sync') lastIndex = dataDir;
        else rmSync(dataDir, { recursive: true, force: true });
      }
    }
    log('queries on the synced index:');
    const { searchTimes, reportTimes, objects } = await queryPhase(lastIndex, b.bucket, searches);

    log('inventory import:');
    const inventoryRoot = mkdtempSync(join(tmpdir(), 'bench-inventory-'));
    dirs.push(inventoryRoot);
    const folder = writeInventoryFolder(inventoryRoot, makeInventory(b.bucket, 'inventory-destination', objects, 'CSV', 16));
    const importDir = mkdtempSync(join(tmpdir(), 'bench-index-import-'));
    dirs.push(importDir);
    const importLoad = loadavg()[0] ?? 0;
    const importRun = await runChild(bundles.app, {
      ...target,
      dataDir: importDir,
      mode: 'import',
      folder,
    } satisfies IndexSyncChildArgs);
    const imported = lastJsonLine<IndexSyncChildReport>(importRun.stdout);
    if (imported.end.objects !== expected) throw new Error(`The import gave ${imported.end.objects} rows, not ${expected}`);

    report({ count, rounds, samples, searchTimes, reportTimes, imported, importLoad });
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** The app sync's own figures for the round's log line: event loop, main thread CPU, GC pauses. */
function appFigures(sample: Sample): string {
  const a = sample.app;
  if (!a) return '';
  const gc = Object.entries(a.gc)
    .map(([kind, g]) => `${kind} ${g.count}× ${g.totalMs.toFixed(0)} ms, max ${g.maxMs.toFixed(1)}`)
    .join('; ');
  return `: loop max ${a.loopMaxMs.toFixed(1)} ms (less run-queue wait ${a.loopMaxOwnMs.toFixed(1)}), p99 ${a.loopP99Ms.toFixed(1)} ms, main thread ${a.mainCpuS ?? '?'} CPU-s of ${(sample.cpuUserS + sample.cpuSysS).toFixed(1)}; GC ${gc}`;
}

function report(r: {
  count: number;
  rounds: number;
  samples: Map<Lister, Sample[]>;
  searchTimes: Record<string, Percentiles>;
  reportTimes: Record<string, Percentiles>;
  imported: IndexSyncChildReport;
  importLoad: number;
}): void {
  const med = (l: Lister, f: (s: Sample) => number) => median((r.samples.get(l) ?? []).map(f));
  const seconds = (l: Lister) => med(l, (s) => s.ms) / 1000;
  const app = r.samples.get('app sync') ?? [];
  const perMillion = 1_000_000 / r.count;
  const indexMbPerMillion = (median(app.map((s) => s.indexBytes ?? 0)) / 1e6) * perMillion;
  const loopMaxMs = Math.max(...app.map((s) => s.app?.loopMaxMs ?? 0));
  const importRowsPerMin = r.imported.end.objects / (r.imported.ms / 60_000);
  const searchP95 = Math.max(...Object.values(r.searchTimes).map((p) => p.p95));
  const reportMaxMs = Math.max(...Object.values(r.reportTimes).map((p) => p.max));
  const ratioToLoop = seconds('app sync') / seconds('list loop');
  const ratioToRclone = seconds('app sync') / seconds('rclone');

  const rows: string[][] = [['listing', 'wall s', 'objects/s', 'CPU-s', 'peak RSS MB', 'load']];
  for (const [lister, list] of r.samples) {
    const s = seconds(lister);
    rows.push([
      lister,
      s.toFixed(2),
      String(Math.round((r.count + 1) / s)),
      med(lister, (x) => x.cpuUserS + x.cpuSysS).toFixed(1),
      String(Math.round(med(lister, (x) => x.maxRssKb) / 1024)),
      median(list.map((x) => x.load)).toFixed(1),
    ]);
  }
  process.stdout.write(`\n${r.count.toLocaleString('en-US')} objects, medians of ${r.rounds}\n${formatTable(rows)}\n`);
  const last = app.at(-1)?.app;
  if (last) process.stdout.write(`app sync: ${last.end.ranges} key ranges, ${last.end.listRequests} list requests\n`);
  const q: string[][] = [['search', 'p50 ms', 'p95 ms', 'max ms']];
  for (const [kind, p] of Object.entries(r.searchTimes)) q.push([kind, String(p.p50), String(p.p95), String(p.max)]);
  process.stdout.write(`\n${formatTable(q)}\n`);
  const rep: string[][] = [['report (first page + count)', 'p50 ms', 'max ms']];
  for (const [id, p] of Object.entries(r.reportTimes)) rep.push([id, String(p.p50), String(p.max)]);
  process.stdout.write(`\n${formatTable(rep)}\n`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const targets: string[][] = [
    ['target', 'figure', ''],
    ['sync ÷ bare listing < 1', ratioToLoop.toFixed(2), verdict(ratioToLoop < 1)],
    ['sync ÷ rclone < 1', ratioToRclone.toFixed(2), verdict(ratioToRclone < 1)],
    ['search p95 < 20 ms (slowest kind)', searchP95.toFixed(1), verdict(searchP95 < 20)],
    ['every report < 1,000 ms (slowest run)', reportMaxMs.toFixed(0), verdict(reportMaxMs < 1000)],
    ['inventory import ≥ 1M rows/min', Math.round(importRowsPerMin).toLocaleString('en-US'), verdict(importRowsPerMin >= 1_000_000)],
    ['index ≤ 250 MB per million objects', indexMbPerMillion.toFixed(0), verdict(indexMbPerMillion <= 250)],
    ['event loop held up ≤ 50 ms during sync', loopMaxMs.toFixed(0), verdict(loopMaxMs <= 50)],
  ];
  process.stdout.write(`\n${formatTable(targets)}\n`);
  const figures = Object.fromEntries(
    [...r.samples].map(([l, list]) => [
      l,
      {
        seconds: round(seconds(l), 3),
        cpuS: round(
          med(l, (x) => x.cpuUserS + x.cpuSysS),
          2,
        ),
        maxRssMb: round(med(l, (x) => x.maxRssKb) / 1024, 1),
        load: round(median(list.map((x) => x.load)), 2),
      },
    ]),
  );
  process.stdout.write(
    `${JSON.stringify({
      objects: r.count,
      rounds: r.rounds,
      listings: figures,
      syncRanges: last?.end.ranges,
      syncListRequests: last?.end.listRequests,
      ratioSyncToBareListing: round(ratioToLoop, 3),
      ratioSyncToRclone: round(ratioToRclone, 3),
      eventLoopMaxMs: round(loopMaxMs, 1),
      eventLoopMaxLessRunQueueMs: Math.max(...app.map((s) => s.app?.loopMaxOwnMs ?? 0)),
      syncMainThreadCpuS: median(app.map((s) => s.app?.mainCpuS ?? Number.NaN)),
      indexMbPerMillion: round(indexMbPerMillion, 1),
      searches: r.searchTimes,
      reports: r.reportTimes,
      inventoryImport: {
        seconds: round(r.imported.ms / 1000, 2),
        rowsPerMinute: Math.round(importRowsPerMin),
        load: round(r.importLoad, 2),
      },
    })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
