// Runs inside its own Node process for `npm run bench:upload`: a real core (SQLite journal in a
// temp folder, the app's transfer engine) uploads the given paths to the gateway exactly as the
// UI would (plan, start, wait for the batch to finish), then prints one JSON line with its
// timings, CPU and peak RSS. A process of its own so its memory is measured alone.
import type { TransferEngineOptions } from '../../../src/main/core/transfers/queue/engine-options';
import type { TransferEngine } from '../../../src/shared/model/connection';
import { startCore } from '../../support/core-harness';

export interface EngineChildArgs {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  prefix: string;
  paths: string[];
  options?: Partial<TransferEngineOptions>;
  /** Content-MD5 per request (the default, compatibility mode) or CRC32 (`false`). */
  checksumCompatibility?: boolean;
  /** The connection's transfer engine (default fast). */
  transferEngine?: TransferEngine;
}

export interface EngineChildReport {
  /** From plan to the batch's last item done (what the user waits for after dropping). */
  engineMs: number;
  planMs: number;
  files: number;
  bytes: number;
  failed: number;
  /** Peak resident memory of this process (getrusage). */
  maxRssKb: number;
  /** Resident memory once the core is up, before any transfer: the constant part of the budget. */
  idleRssKb: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** The first few failures, to say what went wrong. */
  errors: string[];
  /** Peaks of V8's heap and of memory outside it (buffers), sampled every 50 ms, in MB. */
  peakHeapMb: number;
  peakExternalMb: number;
  idleHeapMb: number;
  /** From process start to a core ready to upload (module loading, database, connection). */
  startupMs: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as EngineChildArgs;
  const harness = startCore({ version: 'bench', ...(args.options ? { transfers: args.options } : {}) });
  const { core, value } = harness;
  try {
    const connection = await value('connections:add', {
      name: 'bench',
      credentials: { kind: 'keys', accessKeyId: args.accessKeyId, secretAccessKey: args.secretAccessKey },
      endpoint: args.endpoint,
      region: args.region,
      forcePathStyle: true,
      checksumCompatibility: args.checksumCompatibility ?? true,
      ...(args.transferEngine ? { transferEngine: args.transferEngine } : {}),
    });
    const idleRssKb = Math.round(process.memoryUsage.rss() / 1024);
    const idleHeapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
    const peaks = { heap: 0, external: 0 };
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peaks.heap = Math.max(peaks.heap, m.heapUsed);
      peaks.external = Math.max(peaks.external, m.external);
    }, 50);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const startupMs = t0;
    // As if the user dropped them onto the window: main reads only what was picked or dropped.
    for (const p of args.paths) core.localFiles.grantDropped(p);
    const plan = await value('transfers:planUpload', {
      connectionId: connection.id,
      bucket: args.bucket,
      prefix: args.prefix,
      paths: args.paths,
    });
    const planMs = performance.now() - t0;
    const finished = new Promise<void>((resolve) => {
      core.onEvent((event) => {
        if (event === 'transfers:batchFinished') resolve();
      });
    });
    const started = await value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
    await finished;
    const engineMs = performance.now() - t0;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpu0);
    const page = await value('transfers:list', { batchId: started.batchId, states: ['failed'], limit: 3 });
    const report: EngineChildReport = {
      engineMs,
      planMs,
      files: plan.fileCount,
      bytes: plan.totalBytes,
      failed: page.batches[0]?.counts.failed ?? -1,
      maxRssKb: process.resourceUsage().maxRSS,
      idleRssKb,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      errors: page.items.map((i) => `${i.name}: ${i.error?.message ?? ''}`),
      peakHeapMb: Math.round(peaks.heap / 1048576),
      peakExternalMb: Math.round(peaks.external / 1048576),
      idleHeapMb,
      startupMs,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    harness.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`upload engine child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
