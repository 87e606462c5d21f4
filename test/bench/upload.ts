// npm run bench:upload — uploads one 1 GiB file and 2,000 files of 64 KiB to the local gateway
// with the app's engine (a real core in its own process, bundled like the app's main process),
// `rclone copy`, `aws s3 cp --recursive` and — the limit — one curl PUT of the big file
// (UNSIGNED-PAYLOAD, as the app sends), in one run, interleaved; prints MB/s, files/s, peak RSS,
// CPU, the 1-minute load average when each run began, and the ratios, and as the last line one
// JSON object with every figure.
// Targets (issue 14): 2,000 small files at least 1.2× faster than the fastest peer; 1 GiB within
// 1.3× of curl's single PUT; the app's peak RSS ≤ 150 MB.
// Options: --reps N (default 3), --tools app,rclone,aws,curl, --workloads big,small, and smaller
// workloads for a quick check: --big-mib N (default 1024), --small-files N (default 2000);
// --checksum md5|crc32: the app's per-request integrity (default md5, the compatibility mode);
// --engine fast|sdk: the connection's transfer engine (default fast; sdk = the AWS SDK's own path).
import { readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { transferEngineSchema, type TransferEngine } from '../../src/shared/model/connection';
import { checkStoreHealth, type GatewayHandle } from '../../src/main/local-gateway/ceph-gateway';
import { makeS3Client } from '../../src/main/local-gateway/s3-client';
import { benchTarget, requireTools } from './support/bench-target';
import { bundleEngineChild, uploadWithApp } from './support/upload-app-engine';
import { uploadWithAwsCli, uploadWithCurl, uploadWithRclone, type UploadTarget } from './support/peer-tools';
import { formatTable, median, round } from './support/stats';
import type { TimedRun } from './support/timed-process';
import { collectGarbage, emptyPrefix, ensureUploadData, formatBytes, fullUploadSizes, type UploadSizes } from './support/upload-bench-data';

type Tool = 'app' | 'rclone' | 'aws' | 'curl';
type Workload = 'big' | 'small';
interface Figures {
  medianS: number;
  minS: number;
  maxS: number;
  mbPerS: number;
  filesPerS: number;
  peakRssMb: number;
  cpuS: number;
  engineOnlyS?: number;
  idleRssMb?: number;
  loadMedian: number;
}
interface Sample extends TimedRun {
  engineMs?: number;
  idleRssKb?: number;
  load: number;
}
type Workloads = Record<Workload, { files: number; bytes: number }>;

const log = (line: string) => process.stderr.write(`${line}\n`);
const workloadsOf = (sizes: UploadSizes): Workloads => ({
  big: { files: 1, bytes: sizes.bigFileBytes },
  small: { files: sizes.smallFileCount, bytes: sizes.smallFileCount * sizes.smallFileBytes },
});

/** The issue's sizes unless --big-mib / --small-files ask for smaller ones (a quick check, not a figure). */
function sizesFrom(bigMib: string | undefined, smallFiles: string | undefined): UploadSizes {
  const sizes = { ...fullUploadSizes };
  if (bigMib !== undefined) sizes.bigFileBytes = Number(bigMib) * 1024 * 1024;
  if (smallFiles !== undefined) sizes.smallFileCount = Number(smallFiles);
  if (!(sizes.bigFileBytes > 0 && Number.isInteger(sizes.bigFileBytes)))
    throw new Error(`--big-mib must be a whole number of MiB above 0, not "${bigMib ?? ''}"`);
  if (!(sizes.smallFileCount > 0 && Number.isInteger(sizes.smallFileCount)))
    throw new Error(`--small-files must be a whole number above 0, not "${smallFiles ?? ''}"`);
  return sizes;
}

/** The full workloads keep the folder earlier runs wrote; other sizes get one of their own. */
function dataDirFor(sizes: UploadSizes): string {
  const full = sizes.bigFileBytes === fullUploadSizes.bigFileBytes && sizes.smallFileCount === fullUploadSizes.smallFileCount;
  return join(tmpdir(), full ? 'bucket-admin-bench-upload' : `bucket-admin-bench-upload-${sizes.bigFileBytes}-${sizes.smallFileCount}`);
}

async function run(
  tool: Tool,
  dir: string,
  prefix: string,
  target: UploadTarget,
  bundle: string,
  md5: boolean,
  engine: TransferEngine,
): Promise<Sample> {
  const load = loadavg()[0] ?? Number.NaN;
  if (tool === 'rclone') return { ...(await uploadWithRclone(target, dir, prefix)), load };
  if (tool === 'aws') return { ...(await uploadWithAwsCli(target, dir, prefix)), load };
  if (tool === 'curl') {
    // The big workload's folder holds its one file.
    const [name] = readdirSync(dir);
    if (!name) throw new Error(`${dir} is empty`);
    return { ...(await uploadWithCurl(target, join(dir, name), `${prefix}${name}`)), load };
  }
  const app = await uploadWithApp(bundle, target, dir, prefix, undefined, md5, engine);
  return { ...app, engineMs: app.report.engineMs, idleRssKb: app.report.idleRssKb, load };
}

/** Checks the upload arrived whole, then deletes it and frees the gateway's memory. */
async function verifyAndClean(client: S3Client, handle: GatewayHandle, bucket: string, prefix: string, expected: number): Promise<void> {
  const count = await emptyPrefix(client, bucket, prefix);
  await collectGarbage(handle);
  if (count !== expected) throw new Error(`${prefix}: expected ${expected} objects, found ${count}`);
  const health = await checkStoreHealth(handle);
  if (health.wrapped)
    throw new Error(
      `The gateway's store counter wrapped (${health.problem ?? ''}); restart it: npx tsx src/main/local-gateway/cli.ts stop`,
    );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string' },
      tools: { type: 'string' },
      workloads: { type: 'string' },
      'big-mib': { type: 'string' },
      'small-files': { type: 'string' },
      checksum: { type: 'string' },
      engine: { type: 'string' },
    },
  });
  const checksum = values.checksum ?? 'md5';
  if (checksum !== 'md5' && checksum !== 'crc32') throw new Error(`--checksum must be md5 or crc32, not "${checksum}"`);
  const engine = transferEngineSchema.safeParse(values.engine ?? 'fast');
  if (!engine.success) throw new Error(`--engine must be ${transferEngineSchema.options.join(' or ')}, not "${values.engine ?? ''}"`);
  const reps = Number(values.reps ?? 3);
  const tools = (values.tools ?? 'app,rclone,aws,curl').split(',') as Tool[];
  const chosen = (values.workloads ?? 'big,small').split(',') as Workload[];
  const sizes = sizesFrom(values['big-mib'], values['small-files']);
  const workloads = workloadsOf(sizes);
  requireTools(['/usr/bin/curl']);
  const { handle, target } = await benchTarget('bench-upload', log);
  const client = makeS3Client(handle, { timeoutMs: 120_000, maxAttempts: 3 });
  if (
    !(await client.send(new HeadBucketCommand({ Bucket: target.bucket })).then(
      () => true,
      () => false,
    ))
  ) {
    await client.send(new CreateBucketCommand({ Bucket: target.bucket }));
  }
  const data = ensureUploadData(dataDirFor(sizes), sizes, log);
  const bundle = await bundleEngineChild();
  log(
    `Gateway ${handle.endpoint}; ${reps} rep(s) of ${chosen.join(', ')} with ${tools.join(', ')}; app checksums: ${checksum}, engine: ${engine.data}`,
  );
  log(`Workloads: big = 1 × ${formatBytes(sizes.bigFileBytes)}, small = ${sizes.smallFileCount} × ${formatBytes(sizes.smallFileBytes)}`);

  const samples: Record<string, Sample[]> = {};
  for (let rep = 1; rep <= reps; rep += 1) {
    for (const w of chosen) {
      // Rotate the order each rep, so a busy moment on the shared cores hits every tool alike.
      const usable = tools.filter((t) => t !== 'curl' || w === 'big');
      const order = usable.map((_, i) => usable[(i + rep) % usable.length] as Tool);
      for (const tool of order) {
        const prefix = `${tool}/${w}/r${rep}/`;
        const sample = await run(tool, w === 'big' ? data.big : data.small, prefix, target, bundle, checksum === 'md5', engine.data);
        await verifyAndClean(client, handle, target.bucket, prefix, workloads[w].files);
        (samples[`${tool}:${w}`] ??= []).push(sample);
        log(
          `  rep ${rep} ${w.padEnd(5)} ${tool.padEnd(6)} ${round(sample.ms / 1000, 2)} s  ${Math.round(sample.maxRssKb / 1024)} MB  ${round(sample.cpuUserS + sample.cpuSysS, 2)} CPU-s  load ${round(sample.load, 2)}`,
        );
      }
    }
  }
  client.destroy();
  report(samples, tools, chosen, workloads, reps);
}

function report(samples: Record<string, Sample[]>, tools: Tool[], chosen: Workload[], workloads: Workloads, reps: number): void {
  const figures: Record<string, Figures> = {};
  const rows = [['workload', 'tool', 'median s', 'MB/s', 'files/s', 'peak RSS MB', 'CPU s', 'load', 'engine-only s']];
  for (const w of chosen) {
    for (const tool of tools) {
      const list = samples[`${tool}:${w}`] ?? [];
      if (list.length === 0) continue;
      const ms = median(list.map((s) => s.ms));
      const engine = list.every((s) => s.engineMs !== undefined) ? median(list.map((s) => s.engineMs ?? 0)) : Number.NaN;
      const f: Figures = {
        medianS: round(ms / 1000, 3),
        minS: round(Math.min(...list.map((s) => s.ms)) / 1000, 3),
        maxS: round(Math.max(...list.map((s) => s.ms)) / 1000, 3),
        mbPerS: round(workloads[w].bytes / ms / 1000, 1),
        filesPerS: round(workloads[w].files / (ms / 1000), 1),
        peakRssMb: round(Math.max(...list.map((s) => s.maxRssKb)) / 1024, 1),
        cpuS: round(median(list.map((s) => s.cpuUserS + s.cpuSysS)), 2),
        loadMedian: round(median(list.map((s) => s.load)), 2),
        ...(Number.isNaN(engine)
          ? {}
          : { engineOnlyS: round(engine / 1000, 3), idleRssMb: round(Math.max(...list.map((s) => s.idleRssKb ?? 0)) / 1024, 1) }),
      };
      figures[`${tool}.${w}`] = f;
      rows.push([
        w,
        tool,
        String(f.medianS),
        String(f.mbPerS),
        String(f.filesPerS),
        String(f.peakRssMb),
        String(f.cpuS),
        String(f.loadMedian),
        Number.isNaN(engine) ? '' : String(f.engineOnlyS),
      ]);
    }
  }
  process.stdout.write(`${formatTable(rows, { leftColumns: 2, rule: false })}\n`);
  const ratios: Record<string, number> = {};
  for (const w of chosen) {
    const app = figures[`app.${w}`];
    if (!app) continue;
    const limit = figures[`curl.${w}`];
    // ≥ 1: the app is slower than one raw PUT by this factor.
    if (limit) ratios[`${w}.appOverLimit`] = round(app.medianS / limit.medianS, 3);
    // curl is the limit, not a peer: one PUT of the one big file.
    const peers = tools.filter((t) => t !== 'app' && t !== 'curl').map((t) => figures[`${t}.${w}`]?.medianS ?? Number.POSITIVE_INFINITY);
    const fastest = Math.min(...peers);
    if (Number.isFinite(fastest)) {
      // > 1: the app is faster than the fastest peer (whole process, as a user waits for a tool).
      ratios[`${w}.appVsFastestPeer`] = round(fastest / app.medianS, 3);
      if (app.engineOnlyS) ratios[`${w}.appEngineOnlyVsFastestPeer`] = round(fastest / app.engineOnlyS, 3);
    }
    process.stdout.write(
      `${w}: app ${app.medianS} s vs fastest peer ${Number.isFinite(fastest) ? `${fastest} s` : '–'} → ratio ${ratios[`${w}.appVsFastestPeer`] ?? '–'} (engine only ${ratios[`${w}.appEngineOnlyVsFastestPeer`] ?? '–'}); app ÷ limit (curl) ${ratios[`${w}.appOverLimit`] ?? '–'}\n`,
    );
  }
  const appPeak = Math.max(...chosen.map((w) => figures[`app.${w}`]?.peakRssMb ?? 0));
  const targets = {
    smallAtLeast1_2xFastestPeer: (ratios['small.appVsFastestPeer'] ?? 0) >= 1.2,
    bigWithin1_3xLimit: (ratios['big.appOverLimit'] ?? Number.POSITIVE_INFINITY) <= 1.3,
    peakRssAtMost150Mb: appPeak <= 150,
  };
  process.stdout.write(`targets: ${JSON.stringify(targets)}\n`);
  process.stdout.write(`${JSON.stringify({ reps, figures, ratios, appPeakRssMb: appPeak, targets })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:upload failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
