import { performance } from 'node:perf_hooks';

/** Latency figures in milliseconds, and how busy the event loop was meanwhile (0–1). */
export interface LatencyStats {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /**
   * The event loop's utilization over the probe: the share of the time it spent running code
   * rather than waiting for events. Unlike latencies it does not grow when other processes take
   * the CPU (a thread waiting for events is idle, running or not), so it tells a blocked loop
   * from a busy machine.
   */
  utilization: number;
}

/**
 * Sends `request` every `intervalMs`, on a fixed schedule, for as long as `work` runs, and
 * measures each answer from when it was due, not from when the loop got round to sending it:
 * while the event loop is blocked, the requests that fell due meanwhile all count as late (no
 * coordinated omission), as a renderer's IPC messages would wait in the queue.
 */
export async function probeRoundTrips(request: () => Promise<unknown>, work: Promise<unknown>, intervalMs = 5): Promise<LatencyStats> {
  let doneAt = Number.POSITIVE_INFINITY;
  const finished = work.finally(() => (doneAt = performance.now()));
  const latencies: number[] = [];
  const loopBefore = performance.eventLoopUtilization();
  const start = performance.now();
  for (let k = 0; ; k += 1) {
    const due = start + k * intervalMs;
    if (due > doneAt) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await request();
    // Timers may fire a fraction early: an answer cannot come before it was due.
    latencies.push(Math.max(0, performance.now() - due));
  }
  await finished;
  const utilization = performance.eventLoopUtilization(loopBefore).utilization;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { count: latencies.length, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0, utilization };
}
