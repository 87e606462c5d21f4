import { z } from 'zod';
import { bucketNameSchema, connectionIdSchema } from './connection';

export interface BucketSummary {
  name: string;
  createdAt?: string;
}

/** An S3 key or prefix: at most 1,024 bytes of UTF-8, as S3 allows. */
export const keySchema = z
  .string()
  .max(1024)
  .refine((k) => new TextEncoder().encode(k).length <= 1024, 'An S3 key is at most 1,024 bytes.')
  // S3 lists keys in XML 1.0, which cannot carry U+0000: such a key could never be listed again.
  .refine((k) => !k.includes('\u0000'), 'An S3 key cannot contain a NUL character (U+0000).');

export const bucketRefSchema = z
  .object({ connectionId: connectionIdSchema, bucket: bucketNameSchema })
  .strict();

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
