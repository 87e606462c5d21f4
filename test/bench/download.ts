// npm run bench:download — downloads one 1 GiB object and 2,000 objects of 64 KiB from the local
// gateway with the app's engine (a real core in its own process, bundled like the app's main
// process, start-up included), `rclone copy`, `aws s3 cp --recursive`, and — the limit — one
// curl GET of the big object; each tool a fresh process, in rotating order, medians. Prints a
// table (wall time, MB/s, files/s, client CPU-s, peak RSS, the 1-minute load average when each
// run began), the ratios, and as the last line one JSON object with every figure.
// Targets (issue 14): big at least as fast as the fastest peer and within 1.5× of curl; small at
// least as fast as rclone; the app's peak RSS ≤ 150 MB.
// The objects are put there once by `aws s3 cp` (the big one in 16 MB parts, as every tool
// uploads a file that size, so its ETag is a multipart one; the small ones in single PUTs, whose
// ETags are their MD5s, which the app checks).
// Options: --reps N (default 3), --tools app,rclone,aws,curl, --workloads big,small,
// --engine fast|sdk, --profile DIR (the app's child runs under `node --cpu-prof` into DIR),
// --baseline FILE: a download child bundled from another checkout, run as the tool `base`;
// --options JSON: engine options (TransferEngineOptions) for the tool app only, e.g. with
// --baseline set to this run's own bundle, an A/B of one setting within one run;
// --wrap "CMD ARGS": the app's child runs under CMD (e.g. "strace -c -f -o /tmp/s.txt", "perf
// record -g -o /tmp/p.data"), to see where its system time goes (its figures then include CMD's).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { transferEngineSchema, type TransferEngine } from '../../src/shared/model/connection';
import { makeS3Client } from '../../src/main/local-gateway/s3-client';
import { benchTarget, requireTools } from './support/bench-target';
import type { DownloadChildArgs, DownloadChildReport } from './support/download-engine-child';
import { bundleEngineChild, engineChildEnv } from './support/upload-app-engine';
import {
  downloadWithAwsCli,
  downloadWithCurl,
  downloadWithRclone,
  uploadTimeoutMs,
  uploadWithAwsCli,
  type UploadTarget,
} from './support/peer-tools';
import { formatTable, median, round } from './support/stats';
import { lastJsonLine, runTimed, type TimedRun } from './support/timed-process';
import { ensureUploadData, formatBytes, fullUploadSizes } from './support/upload-bench-data';

// `base`: the app's engine from another build (--baseline), to compare a change within one run.
type Tool = 'app' | 'base' | 'rclone' | 'aws' | 'curl';
type Workload = 'big' | 'small';
interface Sample extends TimedRun {
  load: number;
  engineMs?: number;
  startupMs?: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const bucket = 'bench-download';
const sizes = fullUploadSizes;
const workloads: Record<Workload, { files: number; bytes: number; prefix: string }> = {
  big: { files: 1, bytes: sizes.bigFileBytes, prefix: 'seed/big/' },
  small: { files: sizes.smallFileCount, bytes: sizes.smallFileCount * sizes.smallFileBytes, prefix: 'seed/small/' },
};
const markerKey = `markers/seeded-${sizes.bigFileBytes}-${sizes.smallFileCount}`;

/** Puts the two workloads in the bucket once (aws CLI, 16 MB parts); later runs find the marker. */
async function ensureSeeded(client: S3Client, target: UploadTarget): Promise<void> {
  const exists = await client.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  );
  if (!exists) await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const marked = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: markerKey })).then(
    () => true,
    () => false,
  );
  if (marked) return;
  const data = ensureUploadData(join(tmpdir(), 'bucket-admin-bench-upload'), sizes, log);
  log('Seeding the bucket with aws s3 cp (once per gateway)');
  await uploadWithAwsCli({ ...target, bucket }, data.big, workloads.big.prefix);
  await uploadWithAwsCli({ ...target, bucket }, data.small, workloads.small.prefix);
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: markerKey, Body: 'seeded' }));
}

/** Files and bytes under `dir` (the tools' downloads land there, some in subfolders). */
function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files += 1;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

interface AppOptions {
  engine: TransferEngine;
  profileDir?: string;
  wrap?: string[];
  /** Engine options for the tool `app` only (an A/B against `base` run without them). */
  options?: DownloadChildArgs['options'];
}

async function runApp(bundle: string, target: UploadTarget, prefix: string, dir: string, o: AppOptions) {
  const args: DownloadChildArgs = {
    ...target,
    bucket,
    prefix,
    destination: dir,
    transferEngine: o.engine,
    ...(o.options ? { options: o.options } : {}),
  };
  const env = engineChildEnv(bundle);
  const node = o.profileDir ? ['--cpu-prof', '--cpu-prof-dir', o.profileDir] : [];
  const [command, ...wrapArgs] = [...(o.wrap ?? []), process.execPath];
  const run = await runTimed(command, [...wrapArgs, ...node, bundle, JSON.stringify(args)], env, uploadTimeoutMs);
  const report = lastJsonLine<DownloadChildReport>(run.stdout);
  if (report.failed !== 0) throw new Error(`The app's engine failed ${report.failed} file(s): ${report.errors.join(' | ')}`);
  log(
    `    app child: start-up ${Math.round(report.startupMs)} ms, idle RSS ${Math.round(report.idleRssKb / 1024)} MB, heap ${report.idleHeapMb}→${report.peakHeapMb} MB, external peak ${report.peakExternalMb} MB, engine ${Math.round(report.engineMs)} ms, CPU in engine ${round((report.cpuUserMs + report.cpuSystemMs) / 1000, 2)} s`,
  );
  return { ...run, engineMs: report.engineMs, startupMs: report.startupMs };
}

async function run(tool: Tool, w: Workload, target: UploadTarget, bundle: string, app: AppOptions) {
  const dir = mkdtempSync(join(tmpdir(), `bench-dl-${tool}-`));
  const t = { ...target, bucket };
  const load = loadavg()[0] ?? Number.NaN;
  try {
    let sample: TimedRun & { engineMs?: number; startupMs?: number };
    if (tool === 'app' || tool === 'base') sample = await runApp(bundle, target, workloads[w].prefix, dir, app);
    else if (tool === 'rclone') sample = await downloadWithRclone(t, workloads[w].prefix, dir);
    else if (tool === 'aws') sample = await downloadWithAwsCli(t, workloads[w].prefix, dir);
    else sample = await downloadWithCurl(t, `${workloads[w].prefix}big.bin`, join(dir, 'big.bin'));
    const got = countFiles(dir);
    if (got.files !== workloads[w].files || got.bytes !== workloads[w].bytes)
      throw new Error(
        `${tool} ${w}: expected ${workloads[w].files} files of ${workloads[w].bytes} bytes, found ${got.files} of ${got.bytes}`,
      );
    return { ...sample, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string' },
      tools: { type: 'string' },
      workloads: { type: 'string' },
      engine: { type: 'string' },
      profile: { type: 'string' },
      baseline: { type: 'string' },
      wrap: { type: 'string' },
      options: { type: 'string' },
    },
  });
  const engine = transferEngineSchema.safeParse(values.engine ?? 'fast');
  if (!engine.success) throw new Error(`--engine must be ${transferEngineSchema.options.join(' or ')}, not "${values.engine ?? ''}"`);
  const reps = Number(values.reps ?? 3);
  const tools = (values.tools ?? 'app,rclone,aws,curl').split(',') as Tool[];
  const chosen = (values.workloads ?? 'big,small').split(',') as Workload[];
  requireTools(['/usr/bin/curl']);
  const { handle, target } = await benchTarget(bucket, log);
  const client = makeS3Client(handle, { timeoutMs: 120_000, maxAttempts: 3 });
  await ensureSeeded(client, target);
  client.destroy();
  const bundle = await bundleEngineChild('download-engine-child.ts');
  log(`Gateway ${handle.endpoint}; ${reps} rep(s) of ${chosen.join(', ')} with ${tools.join(', ')}; engine: ${engine.data}`);
  log(`Workloads: big = 1 × ${formatBytes(sizes.bigFileBytes)}, small = ${sizes.smallFileCount} × ${formatBytes(sizes.smallFileBytes)}`);

  const samples: Record<string, Sample[]> = {};
  for (let rep = 1; rep <= reps; rep += 1) {
    for (const w of chosen) {
      // Rotate the order each rep, so a busy moment on the shared cores hits every tool alike. A
      // run right after curl's GiB was often 0.3–0.5 s slower whoever ran it, and rotating one
      // cyclic order put the same tool after curl in every rep: curl leads each rep instead, and
      // the others take turns right after it, so that penalty lands in one rep per tool, not the median.
      const others = tools.filter((t) => t !== 'curl');
      const rotated = others.map((_, i) => others[(i + rep) % others.length] as Tool);
      const order: Tool[] = w === 'big' && tools.includes('curl') ? ['curl', ...rotated] : rotated;
      for (const tool of order) {
        const which = tool === 'base' ? (values.baseline ?? '') : bundle;
        if (!existsSync(which)) throw new Error('--baseline FILE is needed for the tool base');
        const app: AppOptions = {
          engine: engine.data,
          ...(values.profile ? { profileDir: values.profile } : {}),
          ...(values.wrap ? { wrap: values.wrap.split(' ').filter(Boolean) } : {}),
          ...(values.options && tool === 'app' ? { options: JSON.parse(values.options) as DownloadChildArgs['options'] } : {}),
        };
        const sample = await run(tool, w, target, which, app);
        (samples[`${tool}:${w}`] ??= []).push(sample);
        log(
          `  rep ${rep} ${w.padEnd(5)} ${tool.padEnd(6)} ${round(sample.ms / 1000, 2)} s  ${Math.round(sample.maxRssKb / 1024)} MB  ${round(sample.cpuUserS + sample.cpuSysS, 2)} CPU-s (${round(sample.cpuUserS, 2)} user)  load ${round(sample.load, 2)}`,
        );
      }
    }
  }
  report(samples, tools, chosen, reps);
}

function report(samples: Record<string, Sample[]>, tools: Tool[], chosen: Workload[], reps: number): void {
  const figures: Record<string, Record<string, number>> = {};
  const rows = [['workload', 'tool', 'median s', 'min–max s', 'MB/s', 'files/s', 'CPU s', 'peak RSS MB', 'load', 'start-up ms']];
  for (const w of chosen) {
    for (const tool of tools) {
      const list = samples[`${tool}:${w}`];
      if (!list?.length) continue;
      const ms = median(list.map((s) => s.ms));
      const f: Record<string, number> = {
        medianS: round(ms / 1000, 3),
        minS: round(Math.min(...list.map((s) => s.ms)) / 1000, 3),
        maxS: round(Math.max(...list.map((s) => s.ms)) / 1000, 3),
        mbPerS: round(workloads[w].bytes / ms / 1000, 1),
        filesPerS: round(workloads[w].files / (ms / 1000), 1),
        cpuS: round(median(list.map((s) => s.cpuUserS + s.cpuSysS)), 2),
        peakRssMb: round(Math.max(...list.map((s) => s.maxRssKb)) / 1024, 1),
        loadMedian: round(median(list.map((s) => s.load)), 2),
        ...(list.every((s) => s.startupMs !== undefined) ? { startupMs: round(median(list.map((s) => s.startupMs ?? 0))) } : {}),
      };
      figures[`${tool}.${w}`] = f;
      rows.push([
        w,
        tool,
        String(f.medianS),
        `${f.minS}–${f.maxS}`,
        String(f.mbPerS),
        String(f.filesPerS),
        String(f.cpuS),
        String(f.peakRssMb),
        String(f.loadMedian),
        f.startupMs === undefined ? '' : String(f.startupMs),
      ]);
    }
  }
  process.stdout.write(`${formatTable(rows, { leftColumns: 2, rule: false })}\n`);
  const ratios: Record<string, number> = {};
  for (const w of chosen) {
    const app = figures[`app.${w}`]?.medianS;
    if (app === undefined) continue;
    const peers = tools.filter((t) => t === 'rclone' || t === 'aws').map((t) => figures[`${t}.${w}`]?.medianS ?? Number.POSITIVE_INFINITY);
    const fastest = Math.min(...peers);
    // < 1: the app is faster (whole process, start-up included, as a user waits for a tool).
    if (Number.isFinite(fastest)) ratios[`${w}.appOverBestPeer`] = round(app / fastest, 3);
    const limit = figures[`curl.${w}`]?.medianS;
    if (limit !== undefined) ratios[`${w}.appOverLimit`] = round(app / limit, 3);
    process.stdout.write(
      `${w}: app ${app} s; app ÷ best peer ${ratios[`${w}.appOverBestPeer`] ?? '–'}; app ÷ limit (curl) ${ratios[`${w}.appOverLimit`] ?? '–'}\n`,
    );
  }
  const appPeak = Math.max(...chosen.map((w) => figures[`app.${w}`]?.peakRssMb ?? 0));
  const targets = {
    bigAtLeastBestPeer: (ratios['big.appOverBestPeer'] ?? Number.POSITIVE_INFINITY) <= 1,
    bigWithin1_5xLimit: (ratios['big.appOverLimit'] ?? Number.POSITIVE_INFINITY) <= 1.5,
    smallAtLeastRclone: (figures['app.small']?.medianS ?? Number.POSITIVE_INFINITY) <= (figures['rclone.small']?.medianS ?? 0),
    peakRssAtMost150Mb: appPeak <= 150,
  };
  process.stdout.write(`targets: ${JSON.stringify(targets)}\n`);
  process.stdout.write(`${JSON.stringify({ reps, figures, ratios, appPeakRssMb: appPeak, targets })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:download failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
