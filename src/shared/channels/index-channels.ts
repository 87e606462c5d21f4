import { z } from 'zod';
import { bucketRefSchema } from '../model/bucket';
import type { IndexSyncProgress, IndexSyncStarted, IndexSyncSummary } from '../model/index-sync';
import { jobIdSchema } from '../model/job';
import { keySchema } from '../model/keys';
import { returns } from './define';

/** Request channels of the object index's intake: syncing a bucket into index.sqlite. */
export const indexChannels = {
  /**
   * Syncs a bucket, or the keys under `prefix`, into the index as a new snapshot; a sync of the
   * bucket that was interrupted (quit, crash, pause) is resumed instead. Progress on `index:progress`;
   * cancel with `jobs:cancel`.
   */
  'index:sync': {
    input: bucketRefSchema.extend({ prefix: keySchema.optional(), parallel: z.boolean().optional() }).strict(),
    result: returns<IndexSyncStarted>(),
  },
  /** The syncs of a bucket, newest first. */
  'index:syncs': {
    input: bucketRefSchema,
    result: returns<IndexSyncSummary[]>(),
  },
  /** The latest progress of a sync job (null when this run of the app has not run it). */
  'index:syncStatus': {
    input: z.object({ jobId: jobIdSchema }).strict(),
    result: returns<IndexSyncProgress | null>(),
  },
  /** Pauses a running sync; `index:sync` on the same bucket goes on from where it stopped. */
  'index:pauseSync': {
    input: z.object({ jobId: jobIdSchema }).strict(),
    result: returns<{ paused: boolean }>(),
  },
} as const;
