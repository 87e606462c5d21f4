import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { bufferPool, chunkBytes } from '../local/buffer-pool';
import {
  checksumOf,
  FileSource,
  LocalFileError,
  notLocal,
  sentAsChecksummed,
  SourceRewrittenError,
  type BodyChecksum,
} from '../local/file-source';
import { discardUpload, runMultipart } from './multipart-upload';
import { withRetry } from '../client/retry';
import { bareEtag, type RunContext } from '../queue/run-context';
import { headObject, isPreconditionFailed } from '../client/s3-ops';
import type { TransferClient } from '../client/transfer-client';
import type { TransferItem, UploadSpec } from '../queue/transfer-item';
import { conflictError, objectHeaders, renumber, withAclFallback } from './upload-headers';

/**
 * Uploads one file: checks it is still the file that was queued (a changed file starts over
 * and says so), then sends it in one PUT or in parts. Resolves when the object is in the bucket
 * and verified; throws an AppError the panel can show otherwise. A file found rewritten in place
 * during a multipart upload (SourceRewrittenError) starts over, at most `maxSourceRestarts` times.
 */
export async function runUpload(item: TransferItem, ctx: RunContext): Promise<void> {
  const spec = item.spec as UploadSpec;
  const tc = ctx.clients.get(item.connectionId);
  for (let restarts = 0; ; restarts += 1) {
    try {
      await uploadOnce(item, spec, tc, ctx);
      return;
    } catch (error) {
      if (!(error instanceof SourceRewrittenError)) throw error;
      // The parts already sent hold another version of the file: none of them may be kept.
      await discardUpload(item, tc, ctx);
      if (restarts >= ctx.options.maxSourceRestarts) throw keptChanging(item, restarts + 1);
      item.notice = `The file changed while it was being uploaded (${error.why}), so the upload restarted from the beginning.`;
      ctx.addBytes(item, -item.bytesDone);
      item.partsDone = 0;
      ctx.touch(item);
    }
  }
}

function keptChanging(item: TransferItem, times: number): LocalFileError {
  return new LocalFileError(
    'Conflict',
    `${item.localPath} kept changing while it was being uploaded: ${times} times its content changed while its size and modification time stayed the same (a program is rewriting it in place), so the upload was stopped and nothing was left in the bucket. Retry once nothing writes to the file any more.`,
    { file: item.localPath, changed: true },
  );
}

/** One pass over the file, from FileSource.open to the verified object. */
async function uploadOnce(item: TransferItem, spec: UploadSpec, tc: TransferClient, ctx: RunContext): Promise<void> {
  item.phase = 'preparing';
  ctx.touch(item);
  const { source, size, mtimeMs } = await FileSource.open(item.localPath);
  try {
    if (size !== item.size || mtimeMs !== item.sourceMtimeMs) {
      const restarted = item.uploadId !== null || item.partsDone > 0;
      item.notice = restarted
        ? 'The file changed on disk since this upload began (size or modification time), so it restarted from the beginning.'
        : 'The file changed since it was added; its current version is uploaded.';
      ctx.resize(item, size);
      item.sourceMtimeMs = mtimeMs;
      ctx.journal.saveSource(item);
      // Parts of the old version must not be mixed with the new one.
      if (item.uploadId) await discardUpload(item, tc, ctx);
      ctx.touch(item);
    }
    if (size > ctx.options.multipartThreshold) {
      await runMultipart(item, spec, source, tc, ctx);
    } else {
      await putSingle(item, spec, source, tc, ctx);
    }
    await failIfChangedAfterPut(item, spec, source, tc, ctx);
  } finally {
    await source.close();
  }
}

/** One PUT, conditional unless overwriting; a lost answer followed by 412 is recognised as ours. */
async function putSingle(item: TransferItem, spec: UploadSpec, source: FileSource, tc: TransferClient, ctx: RunContext): Promise<void> {
  const { client, integrity } = tc;
  const { signal } = ctx;
  const size = item.size;
  const buffered = size <= Math.min(ctx.options.bufferedPutMax, chunkBytes);
  let lastChecksum: BodyChecksum | undefined;
  item.partsTotal = 0;
  for (;;) {
    try {
      await withRetry(
        async () => {
          const release = await ctx.slots.acquire(signal);
          // One pooled buffer: the whole body of a small file, or the checksum scratch of a larger one.
          const buffer = bufferPool.take(buffered ? size : chunkBytes);
          let sent = 0;
          try {
            item.phase = 'transferring';
            const body = buffered ? await source.readInto(buffer, 0, size) : undefined;
            const checksum = body ? checksumOf(body, integrity) : await source.checksum(0, size, integrity, buffer);
            lastChecksum = checksum;
            const stream = body
              ? undefined
              : source.stream(0, size, (n) => ((sent += n), ctx.addBytes(item, n)), checksum.mode === 'crc32', ctx.throttle);
            // A small body goes in one write: its bytes are taken from the limit before the request starts.
            if (body) await ctx.throttle.limiter.take(size, signal);
            const out = await withAclFallback(item, spec, ctx, (withAcl) =>
              tc.puts.put(
                {
                  bucket: item.bucket,
                  key: item.key,
                  target: { kind: 'object', headers: objectHeaders(spec, withAcl), createOnly: spec.mode !== 'overwrite' },
                  body: body ?? stream ?? Buffer.alloc(0),
                  contentLength: size,
                  checksum,
                },
                signal,
              ),
            );
            if (body) ctx.addBytes(item, (sent = size));
            const etag = bareEtag(out.etag);
            if (checksum.md5Hex && etag && !etag.includes('-') && etag !== checksum.md5Hex) {
              throw Object.assign(new Error(`The server stored different bytes for ${item.key} (ETag mismatch).`), { name: 'BadDigest' });
            }
            if (stream && !sentAsChecksummed(stream, checksum)) {
              // The file changed between the checksum read and the send. A create must free the
              // key again, or the retry's conditional PUT would find it taken.
              if (spec.mode !== 'overwrite') await deleteOurs(item, tc, ctx);
              throw Object.assign(new Error(`${item.localPath} changed while it was being sent.`), { name: 'BadDigest' });
            }
          } catch (error) {
            if (sent > 0) ctx.addBytes(item, -sent);
            throw error;
          } finally {
            bufferPool.give(buffer);
            release();
          }
        },
        { policy: ctx.options.retry, signal, onRetry: (e) => ctx.retrying(item, e), retryable: notLocal },
      );
      return;
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      if (await alreadyOurs(item, tc, ctx, lastChecksum)) {
        ctx.addBytes(item, item.size - item.bytesDone);
        return;
      }
      if (spec.mode !== 'keepBoth') throw conflictError(item);
      await renumber(item, ctx, async (k) => (await headObject(client, item.bucket, k, ctx.options.retry, signal)) !== null);
    }
  }
}

/**
 * After a 412: is the object there the one we sent (our earlier attempt succeeded but its answer
 * was lost, or a crash came before the journal said so)? Same size and same MD5/CRC32.
 */
async function alreadyOurs(item: TransferItem, tc: TransferClient, ctx: RunContext, checksum: BodyChecksum | undefined): Promise<boolean> {
  if (!checksum) return false;
  const remote = await headObject(tc.client, item.bucket, item.key, ctx.options.retry, ctx.signal, checksum.mode === 'crc32');
  if (!remote || remote.size !== item.size) return false;
  return checksum.mode === 'md5' ? remote.etag === checksum.md5Hex : remote.checksumCrc32 === checksum.base64;
}

/** Told when the source was deleted from its folder during the upload (its bytes were complete). */
export const deletedNotice =
  'The file was deleted from its folder during the upload; the copy in the bucket is complete, as the file was when the upload began.';

/**
 * A file still being written (a growing recording) would leave a truncated object. When the file
 * changed while it was sent, a copy we created is removed again and the item fails with a reason;
 * an overwrite cannot be undone, so it fails saying the bucket copy may be incomplete.
 */
async function failIfChangedAfterPut(
  item: TransferItem,
  spec: UploadSpec,
  source: FileSource,
  tc: TransferClient,
  ctx: RunContext,
): Promise<void> {
  const { state } = await source.check();
  // Only the ctime moved: every byte sent was checked against its checksum in the same request
  // (a single PUT), or the parts were checked again against the file (runMultipart).
  if (state === 'same' || state === 'touched') return;
  if (state === 'deleted') {
    item.notice = item.notice ? `${item.notice} ${deletedNotice}` : deletedNotice;
    ctx.touch(item);
    return;
  }
  if (spec.mode !== 'overwrite') {
    await deleteOurs(item, tc, ctx);
    throw new LocalFileError(
      'Conflict',
      `${item.localPath} changed while it was being uploaded, so the copy in the bucket was removed again. Retry once the file is finished.`,
      { file: item.localPath, changed: true },
    );
  }
  throw new LocalFileError(
    'Conflict',
    `${item.localPath} changed while it was being uploaded; the object in the bucket may hold an older or incomplete version. Retry once the file is finished.`,
    { file: item.localPath, changed: true },
  );
}

/** Removes the object this item just created (never called in overwrite mode: that cannot be undone). */
async function deleteOurs(item: TransferItem, tc: TransferClient, ctx: RunContext): Promise<void> {
  await tc.client.send(new DeleteObjectCommand({ Bucket: item.bucket, Key: item.key }), { abortSignal: ctx.signal }).catch(() => undefined);
}
