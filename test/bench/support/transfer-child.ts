// The part the benches' engine children share: a real core (SQLite journal in a temp folder, the
// app's transfer engine) in a Node process of its own, a connection to the gateway, then one
// batch planned, started and waited for exactly as the UI does it, with timings, CPU, memory and
// the first failures printed as one JSON line. Each child says only how it plans and starts.
import type { DialogPort } from '../../../src/main/core/dialogs/dialog-port';
import type { TransferEngineOptions } from '../../../src/main/core/transfers/queue/engine-options';
import type { TransferEngine } from '../../../src/shared/model/connection';
import { startCore, type CoreHarness } from '../../support/core-harness';
import { runBenchChild } from './bench-child';

/** What every child is told: the gateway, the bucket, and the engine's settings. */
export interface TransferChildArgs {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  options?: Partial<TransferEngineOptions>;
  /** Content-MD5 per request (the default, compatibility mode) or CRC32 (`false`). */
  checksumCompatibility?: boolean;
  /** The connection's transfer engine (default fast). */
  transferEngine?: TransferEngine;
}

export interface TransferChildReport {
  /** From plan to the batch's last item done (what the user waits for). */
  engineMs: number;
  planMs: number;
  /** From process start to a core ready to transfer (module loading, database, connection). */
  startupMs: number;
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
}

/** How one child plans its batch and starts it. */
export interface TransferChildSteps {
  dialogs?: DialogPort;
  /** Anything the user does before the clock starts (choosing the download folder). */
  prepare?(harness: CoreHarness): Promise<void>;
  plan(harness: CoreHarness, connectionId: string): Promise<{ planId: string; fileCount: number; totalBytes: number }>;
  start(harness: CoreHarness, planId: string): Promise<{ batchId: string }>;
}

async function runBatch(args: TransferChildArgs, steps: TransferChildSteps): Promise<TransferChildReport> {
  const harness = startCore({
    version: 'bench',
    ...(steps.dialogs ? { dialogs: steps.dialogs } : {}),
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
      checksumCompatibility: args.checksumCompatibility ?? true,
      ...(args.transferEngine ? { transferEngine: args.transferEngine } : {}),
    });
    await steps.prepare?.(harness);
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
    const plan = await steps.plan(harness, connection.id);
    const planMs = performance.now() - t0;
    const finished = new Promise<void>((resolve) => {
      core.onEvent((event) => {
        if (event === 'transfers:batchFinished') resolve();
      });
    });
    const started = await steps.start(harness, plan.planId);
    await finished;
    const engineMs = performance.now() - t0;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpu0);
    const page = await value('transfers:list', { batchId: started.batchId, states: ['failed'], limit: 3 });
    return {
      engineMs,
      planMs,
      startupMs: t0,
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
    };
  } finally {
    harness.close();
  }
}

/** The child's whole life (bench-child.ts): args from argv[2], the report on stdout, a failure on stderr with exit 1. */
export function runTransferChild<A extends TransferChildArgs>(name: string, steps: (args: A) => TransferChildSteps): void {
  runBenchChild(name, (args: A) => runBatch(args, steps(args)));
}
