import { z } from 'zod';
import { bucketRefSchema } from '../model/bucket';
import { bucketNameSchema } from '../model/connection';
import type { IndexSyncProgress, IndexSyncStarted, IndexSyncSummary, InventoryReportsFound } from '../model/index-sync';
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
  /**
   * Imports the bucket's S3 Inventory report (CSV or Parquet; `manifest.json` from a folder the user
   * picked, or from the inventory's destination bucket) as a new snapshot of the bucket, or of the
   * keys under `prefix` when the inventory covers only those. Each data file's MD5 is checked
   * against the manifest. A checkpointed job like a sync: progress on `index:progress`.
   */
  'index:importInventory': {
    input: bucketRefSchema
      .extend({
        prefix: keySchema.optional(),
        location: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('folder'), path: z.string().min(1).max(4096) }).strict(),
          z.object({ kind: z.literal('bucket'), bucket: z.string().min(3).max(63), manifestKey: keySchema }).strict(),
        ]),
      })
      .strict(),
    result: returns<IndexSyncStarted>(),
  },
  /**
   * The bucket's S3 Inventory reports in their destination bucket, newest first: where the bucket's
   * inventory configurations say (when they can be read), or under `destination` when it is named.
   */
  'index:findInventories': {
    input: bucketRefSchema
      .extend({
        destination: z.object({ bucket: bucketNameSchema, prefix: keySchema.optional() }).strict().optional(),
      })
      .strict(),
    result: returns<InventoryReportsFound>(),
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
