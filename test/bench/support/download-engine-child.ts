// Runs inside its own Node process for `npm run bench:download`: a real core (SQLite journal in
// a temp folder, the app's transfer engine) downloads one prefix of the bucket into a folder
// exactly as the UI would (choose the folder, plan, start, wait for the batch), then prints one
// JSON line with its timings, CPU and peak RSS. A process of its own so its memory is its own.
import type { TransferEngineOptions } from '../../../src/main/core/transfers/queue/engine-options';
import type { TransferEngine } from '../../../src/shared/model/connection';
import { startCore } from '../../support/core-harness';
import { scriptedDialogs } from '../../integration/transfers/support/scripted-dialogs';

export interface DownloadChildArgs {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  /** Every object under it is downloaded into `destination`. */
  prefix: string;
  destination: string;
  options?: Partial<TransferEngineOptions>;
  transferEngine?: TransferEngine;
}

export interface DownloadChildReport {
  /** From plan to the batch's last item done. */
  engineMs: number;
  planMs: number;
  /** From process start to a core ready to download (module loading, database, connection). */
  startupMs: number;
  files: number;
  bytes: number;
  failed: number;
  maxRssKb: number;
  idleRssKb: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  errors: string[];
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as DownloadChildArgs;
  const harness = startCore({
    version: 'bench',
    dialogs: scriptedDialogs({ downloadFolder: args.destination }),
    ...(args.options ? { transfers: args.options } : {}),
  });
  const { core, value } = harness;
  try {
    const connection = await value('connections:add', {
      name: 'bench',
      credentials: { kind: 'keys', accessKeyId: args.accessKeyId, secretAccessKey: args.secretAccessKey },
      endpoint: args.endpoint,
      region: args.region,
      forcePathStyle: true,
      checksumCompatibility: true,
      ...(args.transferEngine ? { transferEngine: args.transferEngine } : {}),
    });
    // The user picks the folder: main writes only where it was told to.
    await value('dialogs:chooseDownloadFolder', {});
    const idleRssKb = Math.round(process.memoryUsage.rss() / 1024);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const startupMs = t0;
    const plan = await value('transfers:planDownload', {
      connectionId: connection.id,
      bucket: args.bucket,
      keys: [],
      prefixes: [args.prefix],
      destination: args.destination,
    });
    const planMs = performance.now() - t0;
    const finished = new Promise<void>((resolve) => {
      core.onEvent((event) => {
        if (event === 'transfers:batchFinished') resolve();
      });
    });
    const started = await value('transfers:startDownload', { planId: plan.planId, conflict: 'overwrite' });
    await finished;
    const engineMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const page = await value('transfers:list', { batchId: started.batchId, states: ['failed'], limit: 3 });
    const report: DownloadChildReport = {
      engineMs,
      planMs,
      startupMs,
      files: plan.fileCount,
      bytes: plan.totalBytes,
      failed: page.batches[0]?.counts.failed ?? -1,
      maxRssKb: process.resourceUsage().maxRSS,
      idleRssKb,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      errors: page.items.map((i) => `${i.name}: ${i.error?.message ?? ''}`),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    harness.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`download engine child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
