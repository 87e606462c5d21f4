import type { AppError } from '../../../shared/errors';
import type { JobItemFailure, JobOutcome } from '../../../shared/model/job';

/** Failures kept in a job's outcome; more are counted, not listed, to keep the event small. */
export const maxListedFailures = 1000;

/** Where a tally stood at one moment; cheap to take, turned into an outcome only when needed. */
export interface TallyMark {
  done: number;
  failedTotal: number;
  listed: number;
}

/** Counts what a job over many items did, and keeps the first failures with their reasons. */
export class OutcomeTally {
  done = 0;
  private failures: JobItemFailure[] = [];
  private failedCount = 0;

  /** A tally that goes on from an earlier outcome (a job resumed after a restart). */
  static from(outcome: JobOutcome): OutcomeTally {
    const tally = new OutcomeTally();
    tally.done = outcome.done;
    tally.failures = outcome.failed.slice(0, maxListedFailures);
    tally.failedCount = Math.max(outcome.failedTotal, tally.failures.length);
    return tally;
  }

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
    return this.outcomeAt(this.mark());
  }

  /** Where the tally stands now (failures are only ever appended, so a mark stays exact). */
  mark(): TallyMark {
    return { done: this.done, failedTotal: this.failedCount, listed: this.failures.length };
  }

  /** The outcome as it was at `mark`. */
  outcomeAt(mark: TallyMark): JobOutcome {
    return { done: mark.done, failed: this.failures.slice(0, mark.listed), failedTotal: mark.failedTotal };
  }
}
