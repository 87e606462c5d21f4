import type { S3Client } from '@aws-sdk/client-s3';
import { listObjectsV2Fast } from './fast-list-objects';

/** An object found under a folder, with what listing tells for free. */
export interface WalkedObject {
  key: string;
  size: number;
  etag?: string;
  storageClass?: string;
}

/**
 * Every object under `prefix` (no delimiter, so all depths; the folder's own placeholder too),
 * a page at a time. Stops between pages when `signal` aborts; SDK errors are thrown as they are.
 */
export async function* walkObjects(client: S3Client, bucket: string, prefix: string, signal?: AbortSignal): AsyncGenerator<WalkedObject[]> {
  let token: string | undefined;
  do {
    signal?.throwIfAborted();
    const out = await listObjectsV2Fast(
      client,
      { Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) },
      signal ? { abortSignal: signal } : {},
    );
    const page = out.contents.map((o) => ({
      key: o.key,
      size: o.size,
      ...(o.etag ? { etag: o.etag } : {}),
      ...(o.storageClass ? { storageClass: o.storageClass } : {}),
    }));
    if (page.length > 0) yield page;
    token = out.isTruncated ? out.nextContinuationToken : undefined;
  } while (token);
}
