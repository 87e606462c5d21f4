// Child process of `npm run bench:headers`: the app's engine sets Cache-Control on every object
// under a prefix exactly as the UI does it (a bulk edit job started through the core's router,
// waited for to its end event), and prints one JSON line with timings, CPU and memory.
import type { JobProgress } from '../../../src/shared/model/job';
import type { BulkStatus } from '../../../src/shared/model/bulk-edit';
import { startCore } from '../../support/core-harness';
import { addGatewayConnection } from '../../support/gateway-connection';
import { runBenchChild } from './bench-child';

export interface HeadersChildArgs {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  prefix: string;
  cacheControl: string;
  /** Copies in flight (default: the app's own). */
  concurrency?: number;
}

export interface HeadersChildReport {
  /** From the job's start to its end event (what the user waits for). */
  engineMs: number;
  /** From process start to a core ready (module loading, database, connection). */
  startupMs: number;
  status: BulkStatus | null;
  end: JobProgress['kind'];
  maxRssKb: number;
  cpuUserMs: number;
  cpuSystemMs: number;
}

async function main(args: HeadersChildArgs): Promise<HeadersChildReport> {
  const h = startCore({ version: 'bench', ...(args.concurrency ? { bulk: { concurrency: args.concurrency } } : {}) });
  try {
    const connection = { id: await addGatewayConnection(h, args, 'bench') };
    const startupMs = performance.now();
    const cpu0 = process.cpuUsage();
    let jobId = '';
    const ended = new Promise<JobProgress>((resolve) => {
      h.core.onEvent((event, payload) => {
        const p = payload as JobProgress;
        if (event === 'jobs:progress' && p.jobId === jobId && (p.kind === 'finished' || p.kind === 'failed' || p.kind === 'cancelled'))
          resolve(p);
      });
    });
    const t0 = performance.now();
    ({ jobId } = await h.value('objects:bulkStart', {
      connectionId: connection.id,
      bucket: args.bucket,
      scope: { keys: [], prefixes: [args.prefix] },
      change: { headers: { cacheControl: args.cacheControl } },
    }));
    const end = await ended;
    const engineMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      engineMs,
      startupMs,
      status: await h.value('objects:bulkStatus', { jobId }),
      end: end.kind,
      maxRssKb: process.resourceUsage().maxRSS,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
    };
  } finally {
    h.close();
  }
}

runBenchChild('headers engine child', main);
