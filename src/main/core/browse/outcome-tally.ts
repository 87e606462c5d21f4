import type { AppError } from '../../../shared/errors';
import type { JobItemFailure, JobOutcome } from '../../../shared/model/selection';

/** Failures kept in a job's outcome; more are counted, not listed, to keep the event small. */
export const maxListedFailures = 1000;

/** Counts what a job over many items did, and keeps the first failures with their reasons. */
export class OutcomeTally {
  done = 0;
  private failures: JobItemFailure[] = [];
  private failedCount = 0;

  succeeded(count = 1): void {
    this.done += count;
  }

  failed(key: string, error: Pick<AppError, 'code' | 'message'>): void {
    this.failedCount += 1;
    if (this.failures.length < maxListedFailures) this.failures.push({ key, code: error.code, message: error.message });
  }

  get failedTotal(): number {
    return this.failedCount;
  }

  outcome(): JobOutcome {
    return { done: this.done, failed: [...this.failures], failedTotal: this.failedCount };
  }
}
