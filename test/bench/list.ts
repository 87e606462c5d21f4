// npm run bench:list — lists a 100,000-object folder on the local gateway with the app's engine
// (page after page of `browse:list` through the core's router, as the UI does), with
// `aws s3api list-objects-v2` and with `rclone lsf`, in one run; prints a table and, as the
// last line, one JSON object with every figure. Targets (issue 3): not slower than the fastest
// peer; the first 1,000 rows within 150 ms. Option: --objects N (default 100,000) lists a smaller
// folder of its own, for a quick check.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeS3Client } from '../../src/main/local-gateway/s3-client';
import { acquireGateway } from '../../src/main/local-gateway/state';
import type { EngineReport } from './support/app-engine';
import { awsCli, listWithAwsCli, listWithRclone, rcloneBin, type PeerRun, type PeerTarget } from './support/peer-tools';
import { benchFolder as fullFolder, benchFolderOf, ensureBenchFolder } from './support/seed-folder';
import { formatTable, median, round } from './support/stats';
import { gnuTime, runNodeJson } from './support/timed-process';

const runs = 3;
const firstRowsTargetMs = 150;
const here = dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { objects: { type: 'string' } } });
  const objects = Number(values.objects ?? fullFolder.count);
  if (!(Number.isInteger(objects) && objects > 0))
    throw new Error(`--objects must be a whole number above 0, not "${values.objects ?? ''}"`);
  const benchFolder = benchFolderOf(objects);
  for (const bin of [awsCli, rcloneBin, gnuTime]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: apt-get install awscli rclone time`);
  }
  const { handle } = await acquireGateway(undefined, log);
  const target: PeerTarget = {
    endpoint: handle.endpoint,
    region: handle.region,
    accessKeyId: handle.accessKeyId,
    secretAccessKey: handle.secretAccessKey,
  };
  const client = makeS3Client(handle, { timeoutMs: 30_000, maxAttempts: 3 });
  log(`Folder s3://${benchFolder.bucket}/${benchFolder.prefix} on ${handle.endpoint}`);
  const seeded = await ensureBenchFolder(client, benchFolder, log).finally(() => client.destroy());
  log(`  ${seeded === 'reused' ? 'reused from an earlier run' : 'created'}`);

  const app: EngineReport['runs'] = [];
  let appRssKb = 0;
  let appBaselineKb = 0;
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const aws: PeerRun[] = [];
  const rclone: PeerRun[] = [];
  // Interleaved, so a busy moment on the shared 2 cores hits every tool alike.
  for (let r = 1; r <= runs; r += 1) {
    log(`Run ${r} of ${runs}`);
    const engine = await runNodeJson<EngineReport>(join(here, 'support', 'app-engine.ts'), {
      ...target,
      bucket: benchFolder.bucket,
      prefix: benchFolder.prefix,
      runs: 1,
    });
    app.push(...engine.runs);
    appRssKb = Math.max(appRssKb, engine.maxRssKb);
    appBaselineKb = Math.max(appBaselineKb, engine.baselineRssKb);
    log(`  app engine  ${round(engine.runs[0]?.ms ?? Number.NaN)} ms`);
    aws.push(await listWithAwsCli(target, benchFolder));
    log(`  aws cli     ${round(aws.at(-1)?.ms ?? Number.NaN)} ms`);
    rclone.push(await listWithRclone(target, benchFolder));
    log(`  rclone      ${round(rclone.at(-1)?.ms ?? Number.NaN)} ms`);
  }

  const loadAfter = loadavg()[0] ?? Number.NaN;
  const expected = benchFolder.count;
  for (const [name, rows] of [
    ['app', app.map((x) => x.rows)],
    ['aws', aws.map((x) => x.rows)],
    ['rclone', rclone.map((x) => x.rows)],
  ] as const) {
    if (rows.some((n) => n !== expected)) throw new Error(`${name} listed ${rows.join('/')} rows, expected ${expected}`);
  }
  const appMs = median(app.map((x) => x.ms));
  const awsMs = median(aws.map((x) => x.ms));
  const rcloneMs = median(rclone.map((x) => x.ms));
  const fastestPeer = awsMs <= rcloneMs ? 'aws' : 'rclone';
  const fastestPeerMs = Math.min(awsMs, rcloneMs);
  const firstMs = median(app.map((x) => x.firstThousandMs));
  const mb = (kb: number) => round(kb / 1024);

  const table = formatTable([
    ['tool', 'median s', 'runs (s)', 'peak RSS MB', 'vs app'],
    [
      'app engine (browse:list)',
      (appMs / 1000).toFixed(2),
      app.map((x) => (x.ms / 1000).toFixed(2)).join(' / '),
      String(mb(appRssKb)),
      '1.00',
    ],
    [
      'aws s3api list-objects-v2',
      (awsMs / 1000).toFixed(2),
      aws.map((x) => (x.ms / 1000).toFixed(2)).join(' / '),
      String(mb(Math.max(...aws.map((x) => x.maxRssKb)))),
      (awsMs / appMs).toFixed(2),
    ],
    [
      'rclone lsf',
      (rcloneMs / 1000).toFixed(2),
      rclone.map((x) => (x.ms / 1000).toFixed(2)).join(' / '),
      String(mb(Math.max(...rclone.map((x) => x.maxRssKb)))),
      (rcloneMs / appMs).toFixed(2),
    ],
  ]);
  log('');
  log(table);
  log('');
  log(
    `App engine: first 1,000 rows in ${round(firstMs)} ms (target ${firstRowsTargetMs} ms): ${firstMs <= firstRowsTargetMs ? 'met' : 'MISSED'}`,
  );
  log(
    `App engine vs fastest peer (${fastestPeer}): ${(appMs / fastestPeerMs).toFixed(2)}× the time: ${appMs <= fastestPeerMs ? 'met (not slower)' : 'MISSED (slower)'}`,
  );
  log('App engine time is the listing inside a running app (warm connection); peer times are whole processes, start-up included.');
  log(`App engine RSS: ${mb(appBaselineKb)} MB before listing (Node, tsx, SDK, SQLite), ${mb(appRssKb)} MB peak.`);
  log(
    `Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${String(navigator.hardwareConcurrency)} CPUs shared with the gateway.`,
  );

  const summary = {
    bench: 'list',
    objects: expected,
    endpoint: handle.endpoint,
    runs,
    appMs: round(appMs),
    appRunsMs: app.map((x) => round(x.ms)),
    appPagesPerRun: app[0]?.pages,
    appFirst1000Ms: round(firstMs),
    appFirst1000RunsMs: app.map((x) => round(x.firstThousandMs)),
    appPeakRssMb: mb(appRssKb),
    appBaselineRssMb: mb(appBaselineKb),
    awsMs: round(awsMs),
    awsRunsMs: aws.map((x) => round(x.ms)),
    awsPeakRssMb: mb(Math.max(...aws.map((x) => x.maxRssKb))),
    rcloneMs: round(rcloneMs),
    rcloneRunsMs: rclone.map((x) => round(x.ms)),
    rclonePeakRssMb: mb(Math.max(...rclone.map((x) => x.maxRssKb))),
    fastestPeer,
    ratioAppToAws: round(appMs / awsMs, 3),
    ratioAppToRclone: round(appMs / rcloneMs, 3),
    ratioAppToFastestPeer: round(appMs / fastestPeerMs, 3),
    targetNotSlowerThanFastestPeer: appMs <= fastestPeerMs,
    targetFirst1000Within150Ms: firstMs <= firstRowsTargetMs,
    loadAvgBefore: round(loadBefore, 2),
    loadAvgAfter: round(loadAfter, 2),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  log(`bench:list failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
