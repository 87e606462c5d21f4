/**
 * A queue between a producer that lists (fast, page by page) and consumers that act on its items
 * (in batches, or one by one through `forEachConcurrent`), so deleting or copying starts with the
 * first page instead of after a full listing.
 */
export class WorkQueue<T> {
  private items: T[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private waiters: (() => void)[] = [];
  /** Everything ever pushed; the job's total once the producer has closed the queue. */
  pushed = 0;

  push(items: readonly T[]): void {
    this.items.push(...items);
    this.pushed += items.length;
    this.notify();
  }

  /** No more items will come. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  /** The producer failed: the consumer gets this error on its next take. */
  fail(error: unknown): void {
    this.failure = { error };
    this.closed = true;
    this.notify();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Up to `max` items as soon as any are ready; null once the queue is closed and drained. Several consumers may wait. */
  async take(max: number): Promise<T[] | null> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (this.items.length > 0) return this.items.splice(0, max);
      if (this.closed) return null;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** One item at a time as they come, for `forEachConcurrent`; ends once the queue is closed and drained. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async (): Promise<IteratorResult<T>> => {
        const batch = await this.take(1);
        return batch && batch.length > 0 ? { done: false, value: batch[0] as T } : { done: true, value: undefined };
      },
    };
  }

  private notify(): void {
    // Every waiting consumer looks again; those that find nothing wait anew.
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
