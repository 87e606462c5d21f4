import { z } from 'zod';
import type { BucketSummary } from '../model/bucket';
import { connectionIdSchema } from '../model/connection';
import { returns } from './define';

export const bucketChannels = {
  /** The buckets a connection can use: its one configured bucket, or all it may list. */
  'buckets:list': {
    input: z.object({ connectionId: connectionIdSchema }).strict(),
    result: returns<BucketSummary[]>(),
  },
} as const;
