import { DeleteObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../../../shared/errors';
import { toAppError } from '../s3/s3-errors';

/** DeleteObjects takes at most this many keys per request. */
export const deleteBatchSize = 1000;

export interface BatchDeleteResult {
  deleted: number;
  failed: { key: string; error: AppError }[];
}

/**
 * Deletes up to 1,000 keys in one DeleteObjects request (Quiet: the answer lists only failures).
 * The SDK marks DeleteObjects as needing a checksum, so it sends one even in WHEN_REQUIRED mode.
 * A failure of the request as a whole is thrown; failures of single keys are returned.
 */
export async function deleteBatch(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
  signal?: AbortSignal,
): Promise<BatchDeleteResult> {
  if (keys.length === 0) return { deleted: 0, failed: [] };
  if (keys.length > deleteBatchSize) throw new RangeError(`deleteBatch takes at most ${deleteBatchSize} keys`);
  const out = await client.send(
    new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
    signal ? { abortSignal: signal } : {},
  );
  const failed = (out.Errors ?? []).map((e) => ({ key: e.Key ?? '', error: itemError(e.Code, e.Message, bucket, e.Key) }));
  return { deleted: keys.length - failed.length, failed };
}

/** One key's error from a DeleteObjects answer, in the app's words. */
function itemError(code: string | undefined, message: string | undefined, bucket: string, key: string | undefined): AppError {
  if (code === 'AccessDenied') {
    return new AppError('AccessDenied', 'Access denied: these credentials may not delete this object. Ask the bucket’s administrator.', {
      key,
    });
  }
  return toAppError({ name: code ?? 'UnknownError', message: message ?? code }, { bucket, ...(key ? { key } : {}) });
}
