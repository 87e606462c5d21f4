/**
 * Runs `work` over `pending` (part or range numbers) with `width` workers. The first failure stops the others (their requests are aborted) and is rethrown.
 */
export async function runPartWorkers(
  pending: number[],
  width: number,
  signal: AbortSignal,
  work: (n: number, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const combined = AbortSignal.any([signal, stop.signal]);
  const failures: unknown[] = [];
  const worker = async () => {
    while (failures.length === 0) {
      const n = pending.shift();
      if (n === undefined) return;
      try {
        await work(n, combined);
      } catch (error) {
        failures.push(error);
        stop.abort(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
  signal.throwIfAborted();
  // The first failure is the cause; later ones are the aborts it triggered.
  if (failures.length > 0) throw failures[0] instanceof Error ? failures[0] : new Error(String(failures[0]));
}
