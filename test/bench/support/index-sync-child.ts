// Child process of `npm run bench:index`: the app's sync or inventory import, as the UI starts it
// (a real core in `dataDir`, the job started through the router, waited for to its last
// `index:progress` event), with how long the main thread's event loop was ever held up meanwhile.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
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
  /** CPU seconds of the main thread alone (user + system) from the job's start to its end; null off Linux. */
  mainCpuS: number | null;
  /** V8 garbage collections on the main thread meanwhile: how many, their total and longest pause (ms), by kind. */
  gc: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /**
   * The longest hold-up less the time the main thread sat runnable on the kernel's run queue
   * meanwhile, waiting for a core other processes held (as test/support/round-trip-probe.ts
   * measures it): what the process's own work did to the loop, however loaded the machine.
   */
  loopMaxOwnMs: number;
  /** Each time the event loop was held up over 45 ms: when (ms after the start), for how long, how much of it waiting for a core, and the GC pauses inside it. */
  stalls: { atMs: number; ms: number; runQueueMs: number; gcMs: number }[];
}

/** How long this thread has waited, runnable, for a core (ms): Linux's /proc/thread-self/schedstat. */
function runQueueWaitMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1] ?? 0) / 1e6;
  } catch {
    return 0;
  }
}

/** The main thread's CPU seconds so far: utime + stime of its task (tid = pid) in /proc, null off Linux. */
function mainThreadCpuS(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const gcKinds: Record<number, string> = { 1: 'minor', 2: 'minor mark-sweep', 4: 'major', 8: 'incremental', 16: 'weak callbacks' };

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
    const gc: IndexSyncChildReport['gc'] = {};
    const gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
        const kind = gcKinds[e.detail?.kind ?? 0] ?? String(e.detail?.kind);
        const g = (gc[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
        g.count += 1;
        g.totalMs += e.duration;
        g.maxMs = Math.max(g.maxMs, e.duration);
      }
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    const gcPauses: { start: number; end: number }[] = [];
    const pauseObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration });
    });
    pauseObserver.observe({ entryTypes: ['gc'] });
    const stalls: IndexSyncChildReport['stalls'] = [];
    let tick = performance.now();
    let waited = runQueueWaitMs();
    let loopMaxOwnMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      const wait = runQueueWaitMs();
      const late = now - tick - 5;
      loopMaxOwnMs = Math.max(loopMaxOwnMs, late - (wait - waited));
      if (late > 40) stalls.push({ atMs: tick, ms: late, runQueueMs: Math.round(wait - waited), gcMs: 0 });
      tick = now;
      waited = wait;
    }, 5);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const cpu0 = mainThreadCpuS();
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
    const cpu1 = mainThreadCpuS();
    loop.disable();
    gcObserver.disconnect();
    clearInterval(ticker);
    pauseObserver.disconnect();
    for (const st of stalls) {
      const end = st.atMs + st.ms + 5;
      st.gcMs = Math.round(gcPauses.reduce((sum, g) => sum + Math.max(0, Math.min(end, g.end) - Math.max(st.atMs, g.start)), 0));
      st.atMs = Math.round(st.atMs - t0);
      st.ms = Math.round(st.ms);
    }
    for (const g of Object.values(gc)) {
      g.totalMs = Math.round(g.totalMs * 10) / 10;
      g.maxMs = Math.round(g.maxMs * 10) / 10;
    }
    if (end.state !== 'done') throw new Error(`The ${args.mode} ended ${end.state}: ${end.error?.message ?? ''}`);
    return {
      ms,
      end,
      loopMaxMs: loop.max / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6,
      maxRssKb: process.resourceUsage().maxRSS,
      mainCpuS: cpu0 === null || cpu1 === null ? null : Math.round((cpu1 - cpu0) * 100) / 100,
      gc,
      loopMaxOwnMs: Math.round(loopMaxOwnMs * 10) / 10,
      stalls,
    };
  } finally {
    h.close({ keepData: true });
  }
}

runBenchChild('index sync child', main);
