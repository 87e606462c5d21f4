// A checkpointed job kind for tests of the job layer: it "does" items 0…n−1 in order, reporting
// each to the test, and checkpoints after each, so a test can stop it anywhere and check that a
// resumed run goes on from the checkpoint without doing any item twice.
import { z } from 'zod';
import type { CheckpointedKind } from '../../src/main/core/jobs/checkpointed-job';

export interface CountInput {
  items: number;
  /** Items that fail (counted as failures in the outcome, not retried). */
  failing?: number[];
}

export interface CountState {
  next: number;
}

export interface CountingHooks {
  /** Told as each item is done. */
  onItem(item: number): void;
  /** Awaited before each item: a test holds the job here (it must settle when `signal` aborts). */
  beforeItem?(item: number, signal: AbortSignal): Promise<void>;
}

export const countingKindName = 'test:count';

/** The kind, with the test's hooks. */
export function countingKind(hooks: CountingHooks): CheckpointedKind<CountInput, CountState> {
  return {
    kind: countingKindName,
    input: z.object({ items: z.number().int().min(0), failing: z.array(z.number().int()).optional() }).strict(),
    state: z.object({ next: z.number().int().min(0) }).strict(),
    label: (input) => `Counting ${input.items} items`,
    async run(ctx) {
      for (let item = ctx.resumedFrom?.next ?? 0; item < ctx.input.items; item += 1) {
        await hooks.beforeItem?.(item, ctx.signal);
        if (ctx.signal.aborted) return;
        hooks.onItem(item);
        if (ctx.input.failing?.includes(item))
          ctx.tally.failed(`item-${item}`, { code: 'AccessDenied', message: `Item ${item} was refused.` });
        else ctx.tally.succeeded();
        ctx.checkpoint({ next: item + 1 });
        ctx.progress(ctx.input.items);
      }
    },
  };
}

/** Resolves once `signal` aborts (at once if it already has). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
