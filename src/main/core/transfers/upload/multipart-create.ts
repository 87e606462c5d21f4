import { CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import { AppError } from '../../../../shared/errors';
import { objectLockName } from '../queue/key-locks';
import { withRetry } from '../client/retry';
import type { RunContext } from '../queue/run-context';
import { answerAllowanceMs, sweepStrayUploads } from '../journal/stray-uploads';
import type { TransferClient } from '../client/transfer-client';
import type { CreateIntent, SourceStamp, TransferItem, UploadSpec } from '../queue/transfer-item';
import { objectHeaders, withAclFallback } from './upload-headers';

/**
 * Starts the item's multipart upload without ever leaving one behind. The intent is journaled
 * before each CreateMultipartUpload is sent; when an earlier attempt's answer may have been lost
 * (a retry, or an intent a pause, cancel, failure or quit left), the uploads it may have made are
 * aborted first. The upload id, part size and source stamp are journaled with the intent cleared,
 * in one transaction.
 */
export async function createMultipart(
  item: TransferItem,
  spec: UploadSpec,
  tc: TransferClient,
  ctx: RunContext,
  partSize: number,
  stamp: SourceStamp,
): Promise<string> {
  const { signal, journal } = ctx;
  const policy = ctx.options.retry;
  return ctx.keyLocks.run(objectLockName(item.bucket, item.key), signal, async () => {
    const created = await withAclFallback(item, spec, ctx, (withAcl) =>
      withRetry(
        async () => {
          if (item.createIntent) await sweepStrayUploads(tc, journal, item.bucket, item.createIntent, policy, signal);
          item.createIntent = nextIntent(item.createIntent, item.key, tc.clock.offsetMs);
          journal.saveCreateIntent(item.id, item.createIntent);
          return tc.client.send(
            new CreateMultipartUploadCommand({
              Bucket: item.bucket,
              Key: item.key,
              ...objectHeaders(spec, withAcl),
              ...(tc.integrity === 'crc32' ? { ChecksumAlgorithm: 'CRC32' } : {}),
            }),
            { abortSignal: signal },
          );
        },
        { policy, signal, onRetry: (e) => ctx.retrying(item, e) },
      ),
    );
    if (!created.UploadId) throw new AppError('Internal', `The server did not start a multipart upload for ${item.key}.`);
    journal.startUpload(item.id, created.UploadId, partSize, stamp);
    item.createIntent = null;
    return created.UploadId;
  });
}

/**
 * The intent for the next attempt. It keeps the earlier attempts' start while they may still
 * be initiated on the server (a request can arrive late); once swept well after that, the
 * window starts afresh, so days between a quit and a resume do not make it days wide. Pure.
 */
export function nextIntent(previous: CreateIntent | null, key: string, offsetMs: number | undefined, now = Date.now()): CreateIntent {
  const keepStart = previous !== null && previous.key === key && now - previous.lastAt <= answerAllowanceMs;
  return { key, firstAt: keepStart ? previous.firstAt : now, lastAt: now, ...(offsetMs !== undefined ? { offsetMs } : {}) };
}
