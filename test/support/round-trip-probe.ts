import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Latency figures in milliseconds, and how busy the event loop was meanwhile (0–1). */
export interface LatencyStats {
  count: number;
  /**
   * Each answer's lateness less the time this thread sat runnable on the kernel's run queue in
   * the meantime (waiting for a core other processes held): what the thread itself spent, on
   * code or blocked in a call, between when a request fell due and its answer. Load on the
   * machine does not grow these figures; work on this thread does, however busy the machine is.
   */
  p50: number;
  p99: number;
  max: number;
  /** The same figures as a stopwatch sees them, load included (for the report only). */
  wall: { p50: number; p99: number; max: number };
  /**
   * CPU time (ms) spent meanwhile by this thread and by the process's other threads (a worker
   * doing the work, GC and I/O helpers): the work's own cost, which machine load does not change.
   */
  cpu: { thisThreadMs: number; otherThreadsMs: number };
  /**
   * The event loop's utilization over the probe: the share of the time it spent running code
   * rather than waiting for events.
   */
  utilization: number;
}

/**
 * How long this thread has waited, runnable, for a core (ms), from Linux's per-thread scheduler
 * statistics (`/proc/thread-self/schedstat`: run ns, run-queue wait ns, time slices).
 */
function runQueueWaitMs(): number {
  const fields = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/);
  return Number(fields[1] ?? 0) / 1e6;
}

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/**
 * Sends `request` every `intervalMs`, on a fixed schedule, for as long as `work` runs, and
 * measures each answer from when it was due, not from when the loop got round to sending it:
 * while the event loop is blocked, the requests that fell due meanwhile all count as late (no
 * coordinated omission), as a renderer's IPC messages would wait in the queue. The figures
 * leave out the time the thread waited for a core (see `LatencyStats.p50`), so they measure
 * what the code under test does to the loop, not how loaded the machine is.
 */
export async function probeRoundTrips(request: () => Promise<unknown>, work: Promise<unknown>, intervalMs = 5): Promise<LatencyStats> {
  let doneAt = Number.POSITIVE_INFINITY;
  const finished = work.finally(() => (doneAt = performance.now()));
  const own: number[] = [];
  const wall: number[] = [];
  const waits = new RunQueueTimeline();
  const loopBefore = performance.eventLoopUtilization();
  const threadBefore = process.threadCpuUsage();
  const processBefore = process.cpuUsage();
  const start = performance.now();
  for (let k = 0; ; k += 1) {
    const due = start + k * intervalMs;
    if (due > doneAt) break;
    const wait = due - performance.now();
    // A thread asleep on a timer does not queue for a core: its wait at `due` is its wait now.
    waits.sample(Math.max(due, performance.now()));
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await request();
    // Timers may fire a fraction early: an answer cannot come before it was due.
    const late = Math.max(0, performance.now() - due);
    own.push(Math.max(0, late - waits.since(due)));
    wall.push(late);
  }
  await finished;
  const utilization = performance.eventLoopUtilization(loopBefore).utilization;
  const ms = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  const thisThreadMs = ms(process.threadCpuUsage(threadBefore));
  const cpu = { thisThreadMs, otherThreadsMs: Math.max(0, ms(process.cpuUsage(processBefore)) - thisThreadMs) };
  return { count: own.length, ...percentiles(own), wall: percentiles(wall), cpu, utilization };
}

/**
 * The thread's run-queue wait sampled over time, to tell how much of it fell after a given
 * moment. Between two samples the wait is taken to have grown evenly (a loaded kernel
 * interleaves the thread with others in slices of a few ms): requests that fell due while the
 * loop was blocked each lose only the wait after their own due time. Errors only ever subtract
 * load that came before `due` (at most one interval of it), never time the thread ran or blocked.
 */
class RunQueueTimeline {
  private readonly at: number[] = [];
  private readonly waited: number[] = [];

  /** Records the wait so far, as of `at` (now, or a later moment the thread will sleep until). */
  sample(at = performance.now()): void {
    this.at.push(at);
    this.waited.push(runQueueWaitMs());
  }

  /** Run-queue wait from `moment` until now (samples now). */
  since(moment: number): number {
    this.sample();
    const last = this.at.length - 1;
    let i = last;
    while (i > 0 && (this.at[i] ?? 0) > moment) i -= 1;
    const t0 = this.at[i] ?? moment;
    const w0 = this.waited[i] ?? 0;
    const t1 = this.at[i + 1] ?? t0;
    const w1 = this.waited[i + 1] ?? w0;
    const atMoment = t1 > t0 && moment > t0 ? w0 + (w1 - w0) * Math.min(1, (moment - t0) / (t1 - t0)) : w0;
    return (this.waited[last] ?? 0) - atMoment;
  }
}
