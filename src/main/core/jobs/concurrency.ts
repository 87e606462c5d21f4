/**
 * Runs `task` over `items` with at most `limit` in flight, in order of start. Stops starting new
 * tasks once `signal` aborts; the first task error rejects (tasks handle their own per-item errors).
 */
export async function forEachConcurrent<T>(
  items: Iterable<T>,
  limit: number,
  task: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      if (signal?.aborted) return;
      await task(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

/** Maps with at most `limit` calls in flight, keeping the input order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachConcurrent(items.keys(), Math.min(limit, items.length), async (index) => {
    results[index] = await fn(items[index] as T, index);
  });
  return results;
}
