import { z } from 'zod';

/** The id of long work: returned at once, carried by every `jobs:progress` event, taken by `jobs:cancel`. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a job ID.');

/** What a started job returns at once; progress follows on `jobs:progress` with this id. */
export interface JobStarted {
  jobId: string;
}

/** A job's answer once it has run: how many items went through and which did not, and why. */
export interface JobOutcome {
  done: number;
  failed: JobItemFailure[];
  /** All failures, when `failed` was cut short to keep the event small. */
  failedTotal: number;
}

export interface JobItemFailure {
  key: string;
  /** An ErrorCode (Conflict, AccessDenied …) for the UI to branch on. */
  code: string;
  message: string;
}

/** Progress of long work, throttled to about 10 Hz, keyed by job id. */
export type JobProgress =
  | { jobId: string; kind: 'started'; label: string }
  | { jobId: string; kind: 'progress'; done: number; total?: number; unit: 'bytes' | 'items' }
  /** `outcome` is set by jobs over many items (delete, copy, move): what went through and what failed. */
  | { jobId: string; kind: 'finished'; outcome?: JobOutcome }
  /** `outcome`, when set, says what was already done before the job stopped. */
  | { jobId: string; kind: 'failed'; error: { code: string; message: string }; outcome?: JobOutcome }
  /** `outcome`, when set, says what was already done before the cancel took effect. */
  | { jobId: string; kind: 'cancelled'; outcome?: JobOutcome };
