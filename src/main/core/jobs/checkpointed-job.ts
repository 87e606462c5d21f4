import type { z } from 'zod';
import type { JobContext } from './job-runner';

/**
 * A kind of job that survives a quit or a crash, defined once and registered with the job
 * service at start-up (its resumer): how to name it, how to read its journal back, and how to
 * run it from wherever it got to. Bulk header edits and index sync are such kinds.
 */
export interface CheckpointedKind<I, S> {
  /** Its name in the journal, stable across versions, e.g. `access:bulkHeaders`. */
  kind: string;
  /** Read the job's input back from the journal: a shape this version does not know is refused, never guessed at. */
  input: z.ZodType<I>;
  /** Read the last checkpoint back, likewise. */
  state: z.ZodType<S>;
  /** The job's label in `jobs:progress` (“Setting headers on 3 items”). */
  label(input: I): string;
  /**
   * Does the work from `ctx.resumedFrom` on (from the start when it is undefined), calling
   * `ctx.checkpoint` as it goes and honouring `ctx.signal`. The work after the last checkpoint
   * written is done again after a crash, so each step must be safe to repeat (a conditional copy,
   * an upsert).
   */
  run(ctx: CheckpointedContext<I, S>): Promise<void>;
}

/** What a checkpointed job's work gets, beside everything any job gets. */
export interface CheckpointedContext<I, S> extends JobContext {
  jobId: string;
  input: I;
  /** The last checkpoint journaled before the app stopped; undefined on a fresh start. */
  resumedFrom: S | undefined;
  /**
   * Journals where the job got to, with its tally as it is at this call, as one row write: at
   * most once per checkpoint interval (the latest state wins), and at once when the app quits.
   * `state` is serialised (JSON) at the call, so the caller may go on changing its own copy.
   */
  checkpoint(state: S): void;
}
