import { z } from 'zod';
import type { BucketSummary } from '../model/bucket';
import { bucketFixInputSchema, fixKinds, type BucketHealth, type FixPreview } from '../model/bucket-health';
import { bucketNameSchema, connectionIdSchema } from '../model/connection';
import { returns } from './define';

export const bucketChannels = {
  /** The buckets a connection can use: its one configured bucket, or all it may list. */
  'buckets:list': {
    input: z.object({ connectionId: connectionIdSchema }).strict(),
    result: returns<BucketSummary[]>(),
  },
  /** The bucket's capabilities and health: the kept probe (probed the first time), or a fresh one with `refresh`. */
  'buckets:health': {
    input: z.object({ connectionId: connectionIdSchema, bucket: bucketNameSchema, refresh: z.boolean().optional() }).strict(),
    result: returns<BucketHealth>(),
  },
  /** What a health fix would write (exact JSON or XML), beside what the bucket has now. */
  'buckets:previewFix': {
    input: bucketFixInputSchema,
    result: returns<FixPreview>(),
  },
  /** Writes a previewed fix; `expected` is the preview's `next`, refused with Conflict if the merge now differs. */
  'buckets:applyFix': {
    input: bucketFixInputSchema.extend({ expected: z.string().max(64 * 1024) }).strict(),
    result: returns<BucketHealth>(),
  },
  /** Puts back exactly the document a fix replaced. */
  'buckets:undoFix': {
    input: z.object({ connectionId: connectionIdSchema, bucket: bucketNameSchema, kind: z.enum(fixKinds) }).strict(),
    result: returns<BucketHealth>(),
  },
} as const;
