import { setTimeout as delay } from 'node:timers/promises';
import { backoffDelay, isRetryable, isThrottle, type RetryPolicy } from './retry-policy';

export interface RetryOptions {
  policy: RetryPolicy;
  signal: AbortSignal;
  /** Told before each wait, so progress can show "retrying" and count attempts. */
  onRetry?: (error: unknown, failures: number, waitMs: number) => void;
  /** Extra test on top of isRetryable (e.g. never retry a local file error). */
  retryable?: (error: unknown) => boolean;
}

/**
 * Runs `attempt` until it succeeds, fails with something not worth retrying, or runs out of
 * tries; waits with backoff and jitter in between. An abort ends the wait at once.
 */
export async function withRetry<T>(attempt: (tryNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, signal } = options;
  for (let tryNumber = 1; ; tryNumber += 1) {
    signal.throwIfAborted();
    try {
      return await attempt(tryNumber);
    } catch (error) {
      signal.throwIfAborted();
      const worthIt = isRetryable(error) && (options.retryable?.(error) ?? true);
      if (!worthIt || tryNumber >= policy.maxAttempts) throw error;
      const waitMs = backoffDelay(tryNumber, policy, isThrottle(error));
      options.onRetry?.(error, tryNumber, waitMs);
      await delay(waitMs, undefined, { signal });
    }
  }
}
