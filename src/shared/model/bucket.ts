import { z } from 'zod';
import { bucketNameSchema, connectionIdSchema } from './connection';

export interface BucketSummary {
  name: string;
  createdAt?: string;
}

export const bucketRefSchema = z.object({ connectionId: connectionIdSchema, bucket: bucketNameSchema }).strict();

/** One row of a folder listing: a folder (common prefix) or an object. */
export type ListEntry =
  | { kind: 'folder'; key: string; name: string }
  | {
      kind: 'object';
      key: string;
      name: string;
      size: number;
      lastModified?: string;
      etag?: string;
      storageClass?: string;
    };

export interface ListPage {
  prefix: string;
  entries: ListEntry[];
  /** Present when more pages follow. */
  continuationToken?: string;
}
