// Child process of `npm run bench:index`: the app's sync or inventory import, as the UI starts it
// (a real core in `dataDir`, the job started through the router, waited for to its last
// `index:progress` event), with how long the main thread's event loop was ever held up meanwhile.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IndexSyncProgress } from '../../../src/shared/model/index-sync';
import { scriptedDialogs } from '../../integration/transfers/support/scripted-dialogs';
import { startCore } from '../../support/core-harness';
import { addGatewayConnection } from '../../support/gateway-connection';
import { runBenchChild } from './bench-child';

export interface IndexSyncChildArgs {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  /** Where the core keeps its files (kept after the run, for the query phase). */
  dataDir: string;
  /** 'sync' lists the bucket (in key ranges unless `parallel` is false); 'import' reads an inventory in `folder`. */
  mode: 'sync' | 'import';
  parallel?: boolean;
  folder?: string;
}

export interface IndexSyncChildReport {
  /** From the job's start to its end event. */
  ms: number;
  end: IndexSyncProgress;
  /** The main thread's event loop: the longest it was held up, and its 99th percentile (ms). */
  loopMaxMs: number;
  loopP99Ms: number;
  maxRssKb: number;
}

async function main(args: IndexSyncChildArgs): Promise<IndexSyncChildReport> {
  const h = startCore({
    version: 'bench',
    dataDir: args.dataDir,
    ...(args.folder ? { dialogs: scriptedDialogs({ folder: args.folder }) } : {}),
  });
  try {
    const connection = { id: await addGatewayConnection(h, args, 'bench') };
    if (args.mode === 'import') await h.value('dialogs:chooseFolder', {});
    let jobId = '';
    const early: IndexSyncProgress[] = [];
    const ended = new Promise<IndexSyncProgress>((resolve) => {
      h.core.onEvent((event, payload) => {
        if (event !== 'index:progress') return;
        const p = payload as IndexSyncProgress;
        if (p.state === 'running') return;
        if (jobId === '') early.push(p);
        else if (p.jobId === jobId) resolve(p);
      });
    });
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const t0 = performance.now();
    ({ jobId } = await (args.mode === 'sync'
      ? h.value('index:sync', { connectionId: connection.id, bucket: args.bucket, parallel: args.parallel ?? true })
      : h.value('index:importInventory', {
          connectionId: connection.id,
          bucket: args.bucket,
          location: { kind: 'folder', path: args.folder ?? '' },
        })));
    const end = early.find((p) => p.jobId === jobId) ?? (await ended);
    const ms = performance.now() - t0;
    loop.disable();
    if (end.state !== 'done') throw new Error(`The ${args.mode} ended ${end.state}: ${end.error?.message ?? ''}`);
    return {
      ms,
      end,
      loopMaxMs: loop.max / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6,
      maxRssKb: process.resourceUsage().maxRSS,
    };
  } finally {
    h.close({ keepData: true });
  }
}

runBenchChild('index sync child', main);
