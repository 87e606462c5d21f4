import { createHash } from 'node:crypto';
import { CompleteMultipartUploadCommand } from '@aws-sdk/client-s3';
import { AppError } from '../../../../shared/errors';
import { withRetry } from '../client/retry';
import type { RunContext } from '../queue/run-context';
import { headObject, isNoSuchUpload } from '../client/s3-ops';
import type { TransferClient } from '../client/transfer-client';
import type { JournalPart, TransferItem, UploadSpec } from '../queue/transfer-item';
import { conflictError } from './upload-headers';

/** S3's ETag of a multipart object: MD5 of the parts' binary MD5s, then `-<count>`. */
export function multipartEtag(parts: readonly JournalPart[]): string | undefined {
  if (parts.some((p) => !/^[0-9a-f]{32}$/.test(p.etag))) return undefined;
  const md5 = createHash('md5');
  for (const p of parts) md5.update(Buffer.from(p.etag, 'hex'));
  return `${md5.digest('hex')}-${parts.length}`;
}

/**
 * Completes a multipart upload and checks the result with HeadObject (size, and the ETag computed
 * from the parts' MD5s): RGW answers CompleteMultipartUpload with an empty ETag.
 */
export async function completeUpload(
  item: TransferItem,
  spec: UploadSpec,
  tc: TransferClient,
  ctx: RunContext,
  uploadId: string,
  parts: JournalPart[],
): Promise<void> {
  const { signal } = ctx;
  const policy = ctx.options.retry;
  const expected = multipartEtag(parts);
  const isOurs = (remote: { size: number; etag: string } | null) =>
    remote !== null && remote.size === item.size && (expected === undefined || remote.etag === expected);
  // RGW 16.2 ignores If-None-Match on CompleteMultipartUpload (it overwrote in our test), so a
  // create checks first; AWS honours the header too, closing the remaining window there.
  if (spec.mode !== 'overwrite') {
    const existing = await headObject(tc.client, item.bucket, item.key, policy, signal);
    if (existing && !isOurs(existing)) throw conflictError(item);
    if (existing) return;
  }
  try {
    await withRetry(
      () =>
        tc.client.send(
          new CompleteMultipartUploadCommand({
            Bucket: item.bucket,
            Key: item.key,
            UploadId: uploadId,
            MultipartUpload: {
              Parts: parts.map((p) => ({
                PartNumber: p.partNumber,
                ETag: `"${p.etag}"`,
                ...(tc.integrity === 'crc32' && p.checksum ? { ChecksumCRC32: p.checksum } : {}),
              })),
            },
            ...(spec.mode === 'overwrite' ? {} : { IfNoneMatch: '*' }),
          }),
          { abortSignal: signal },
        ),
      { policy, signal, onRetry: (e) => ctx.retrying(item, e) },
    );
  } catch (error) {
    // A retried complete whose first try succeeded answers NoSuchUpload: check the object.
    if (!isNoSuchUpload(error)) throw error;
  }
  item.phase = 'verifying';
  ctx.touch(item);
  const remote = await headObject(tc.client, item.bucket, item.key, policy, signal);
  if (!isOurs(remote)) {
    throw new AppError(
      'Internal',
      `After uploading ${item.key}, the bucket holds ${remote ? `${remote.size} bytes (ETag ${remote.etag})` : 'nothing'} instead of the ${item.size} bytes sent. Retry the upload.`,
      { key: item.key },
    );
  }
}
