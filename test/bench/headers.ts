// npm run bench:headers — a bulk header edit (set Cache-Control) over 2,000 objects that carry
// Content-Type, Content-Language, Content-Disposition, user metadata, tags and an explicit ACL,
// on the local gateway, by the app's engine (a real core in its own process, bundled like the
// app's main process, running the bulk edit job through the router as the UI does), `rclone` and
// `aws s3 cp --recursive --metadata-directive REPLACE`; each a fresh process, in rotating order,
// medians. The objects are put back to their seed state before every run, and after every run each
// object's headers, metadata, tags and ACL are read back: the table says what each tool lost.
// Target (issue 10): the app at least 1.5× the fastest peer's objects/s, losing nothing.
// rclone cannot copy an object onto itself server-side with new headers (it answers "already at
// target location", and across two remotes its server-side copy sends MetadataDirective COPY,
// which RGW refuses), so its only equivalent is a copy through the client between two remotes
// naming the same gateway, with -I (always copy), -M (keep metadata) and --header-upload.
// Options: --reps N (default 3), --tools app,rclone,aws, --objects N (default 2000),
// --concurrency N (the app's copies in flight; default the app's own), --profile DIR (the app's
// child under `node --cpu-prof`), --count-requests (one more, untimed app run through a counting
// proxy: its requests per object, by operation).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { makeS3Client } from '../../src/main/local-gateway/s3-client';
import { benchTarget, requireTools } from './support/bench-target';
import type { HeadersChildArgs, HeadersChildReport } from './support/headers-engine-child';
import {
  checkedFields,
  describeLosses,
  lostFields,
  ownerOf,
  resetObjects,
  snapshotObjects,
  type CheckedField,
} from './support/headers-objects';
import { awsCli, awsEnv, rcloneBin, rcloneEnv, uploadTimeoutMs, type UploadTarget } from './support/peer-tools';
import { countRequests, describeCount, type RequestCount } from './support/headers-request-count';
import { formatTable, median, round } from './support/stats';
import { bundleEngineChild } from './support/upload-app-engine';
import { lastJsonLine, runTimed, type TimedRun } from './support/timed-process';

type Tool = 'app' | 'rclone' | 'aws';
interface Sample extends TimedRun {
  load: number;
  engineMs?: number;
  lost: Record<CheckedField, number>;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const bucket = 'bench-headers';
const prefix = 'media/';

async function ensureBucket(client: S3Client): Promise<void> {
  const exists = await client.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  );
  if (!exists) await client.send(new CreateBucketCommand({ Bucket: bucket }));
}

async function runApp(bundle: string, t: UploadTarget, cacheControl: string, objects: number, concurrency?: number, profileDir?: string) {
  const args: HeadersChildArgs = { ...t, prefix, cacheControl, ...(concurrency ? { concurrency } : {}) };
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
  const node = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const run = await runTimed(process.execPath, [...node, bundle, JSON.stringify(args)], env, uploadTimeoutMs);
  const report = lastJsonLine<HeadersChildReport>(run.stdout);
  if (report.end !== 'finished' || report.status?.failed !== 0 || report.status.changed !== objects)
    throw new Error(`The app's bulk edit ended ${report.end}: ${JSON.stringify(report.status)}`);
  return { ...run, engineMs: report.engineMs };
}

/** rclone through the client between two remotes on the same gateway (see the header), 16 files at once. */
function runRclone(t: UploadTarget, cacheControl: string): Promise<TimedRun> {
  const env = rcloneEnv(t);
  for (const [name, value] of Object.entries(env))
    if (name.startsWith('RCLONE_CONFIG_BENCH_')) env[name.replace('RCLONE_CONFIG_BENCH_', 'RCLONE_CONFIG_OTHER_')] = value;
  const args = [
    'copy',
    `bench:${bucket}/${prefix}`,
    `other:${bucket}/${prefix}`,
    '-I',
    '-M',
    '--header-upload',
    `Cache-Control: ${cacheControl}`,
  ];
  return runTimed(rcloneBin, [...args, '--transfers', '16', '--checkers', '16'], env, uploadTimeoutMs);
}

/** `aws s3 cp` of the prefix onto itself, 16 requests in flight (its best figure on these machines). */
function runAws(t: UploadTarget, cacheControl: string): Promise<TimedRun> {
  const env = awsEnv(t, ['max_concurrent_requests = 16']);
  const args = ['s3', 'cp', `s3://${bucket}/${prefix}`, `s3://${bucket}/${prefix}`, '--recursive', '--only-show-errors'];
  args.push('--metadata-directive', 'REPLACE', '--cache-control', cacheControl, '--endpoint-url', t.endpoint);
  return runTimed(awsCli, args, env, uploadTimeoutMs);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string' },
      tools: { type: 'string' },
      objects: { type: 'string' },
      concurrency: { type: 'string' },
      profile: { type: 'string' },
      'count-requests': { type: 'boolean' },
    },
  });
  const reps = Number(values.reps ?? 3);
  const objects = Number(values.objects ?? 2000);
  const concurrency = values.concurrency ? Number(values.concurrency) : undefined;
  const tools = (values.tools ?? 'app,rclone,aws').split(',') as Tool[];
  if (!(objects > 0 && Number.isInteger(objects)))
    throw new Error(`--objects must be a whole number above 0, not "${values.objects ?? ''}"`);
  requireTools();
  const { handle, target } = await benchTarget(bucket, log);
  const client = makeS3Client(handle, { timeoutMs: 60_000, maxAttempts: 4 });
  await ensureBucket(client);
  const owner = await ownerOf(client, bucket);
  const bundle = await bundleEngineChild('headers-engine-child.ts');
  log(`Gateway ${handle.endpoint}; ${reps} rep(s) of ${objects} objects with ${tools.join(', ')}`);

  const samples: Partial<Record<Tool, Sample[]>> = {};
  let runNumber = 0;
  for (let rep = 1; rep <= reps; rep += 1) {
    // Rotate the order each rep, so a busy moment on the shared cores hits every tool alike.
    const order = tools.map((_, i) => tools[(i + rep) % tools.length] as Tool);
    for (const tool of order) {
      runNumber += 1;
      await resetObjects(client, bucket, prefix, objects, owner);
      const before = await snapshotObjects(client, bucket, prefix, objects);
      // A value no object has yet, so nothing is skipped as already done.
      const cacheControl = `public, max-age=${600 + runNumber}`;
      const load = loadavg()[0] ?? Number.NaN;
      let run: TimedRun & { engineMs?: number };
      if (tool === 'app') run = await runApp(bundle, target, cacheControl, objects, concurrency, values.profile);
      else if (tool === 'rclone') run = await runRclone(target, cacheControl);
      else run = await runAws(target, cacheControl);
      const lost = lostFields(before, await snapshotObjects(client, bucket, prefix, objects), cacheControl);
      const sample: Sample = { ...run, load, lost };
      (samples[tool] ??= []).push(sample);
      log(
        `  rep ${rep} ${tool.padEnd(6)} ${round(run.ms / 1000, 2)} s  ${round(objects / (run.ms / 1000), 1)} obj/s  ${Math.round(run.maxRssKb / 1024)} MB  ${round(run.cpuUserS + run.cpuSysS, 2)} CPU-s  load ${round(load, 2)}  lost: ${describeLosses(lost)}`,
      );
    }
  }
  let requests: RequestCount | undefined;
  if (values['count-requests'] && tools.includes('app')) {
    await resetObjects(client, bucket, prefix, objects, owner);
    const cacheControl = `public, max-age=${600 + runNumber + 1}`;
    requests = await countRequests(target.endpoint, objects, (endpoint) =>
      runApp(bundle, { ...target, endpoint }, cacheControl, objects, concurrency),
    );
    log(`  app requests: ${describeCount(requests)}`);
  }
  client.destroy();
  report(samples, tools, objects, reps, requests);
}

function report(
  samples: Partial<Record<Tool, Sample[]>>,
  tools: Tool[],
  objects: number,
  reps: number,
  requests: RequestCount | undefined,
): void {
  const figures: Record<string, Record<string, number | string>> = {};
  const rows = [['tool', 'median s', 'min–max s', 'objects/s', 'CPU s', 'peak RSS MB', 'load', 'lost or changed (objects, worst run)']];
  for (const tool of tools) {
    const list = samples[tool];
    if (!list?.length) continue;
    const ms = median(list.map((s) => s.ms));
    const worst = Object.fromEntries(checkedFields.map((f) => [f, Math.max(...list.map((s) => s.lost[f]))])) as Record<
      CheckedField,
      number
    >;
    const f = {
      medianS: round(ms / 1000, 3),
      minS: round(Math.min(...list.map((s) => s.ms)) / 1000, 3),
      maxS: round(Math.max(...list.map((s) => s.ms)) / 1000, 3),
      objectsPerS: round(objects / (ms / 1000), 1),
      cpuS: round(median(list.map((s) => s.cpuUserS + s.cpuSysS)), 2),
      peakRssMb: round(Math.max(...list.map((s) => s.maxRssKb)) / 1024, 1),
      loadMedian: round(median(list.map((s) => s.load)), 2),
      ...(list.every((s) => s.engineMs !== undefined) ? { engineOnlyS: round(median(list.map((s) => s.engineMs ?? 0)) / 1000, 3) } : {}),
      lost: describeLosses(worst),
    };
    figures[tool] = { ...f, ...Object.fromEntries(checkedFields.map((field) => [`lost.${field}`, worst[field]])) };
    rows.push([
      tool,
      String(f.medianS),
      `${f.minS}–${f.maxS}`,
      String(f.objectsPerS),
      String(f.cpuS),
      String(f.peakRssMb),
      String(f.loadMedian),
      f.lost,
    ]);
  }
  process.stdout.write(`${formatTable(rows, { leftColumns: 1, rule: false })}\n`);
  const rate = (tool: Tool) => Number(figures[tool]?.objectsPerS ?? 0);
  const peers = tools.filter((t) => t !== 'app');
  const fastest = peers.reduce<Tool | undefined>((best, t) => (best === undefined || rate(t) > rate(best) ? t : best), undefined);
  const ratios: Record<string, number> = {};
  if (figures.app) for (const peer of peers) ratios[`appOver_${peer}`] = round(rate('app') / rate(peer), 3);
  if (figures.app && fastest) ratios.appOverFastestPeer = round(rate('app') / rate(fastest), 3);
  const appLost = figures.app ? checkedFields.reduce((n, f) => n + Number(figures.app?.[`lost.${f}`] ?? 0), 0) : Number.NaN;
  const targets = { atLeast1_5xFastestPeer: (ratios.appOverFastestPeer ?? 0) >= 1.5, appLostNothing: appLost === 0 };
  process.stdout.write(
    `app ÷ fastest peer (${fastest ?? '–'}), objects/s: ${ratios.appOverFastestPeer ?? '–'}; targets: ${JSON.stringify(targets)}\n`,
  );
  if (requests) process.stdout.write(`app requests: ${describeCount(requests)}\n`);
  const appRequests = requests ? { appRequests: requests } : {};
  process.stdout.write(`${JSON.stringify({ objects, reps, figures, fastestPeer: fastest, ratios, targets, ...appRequests })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:headers failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
