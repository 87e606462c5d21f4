import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { bufferPool, chunkBytes } from './buffer-pool';
import { checksumOf, FileSource, LocalFileError, notLocal, type BodyChecksum } from './file-source';
import { runMultipart } from './multipart-upload';
import { withRetry } from './retry';
import { bareEtag, type RunContext } from './run-context';
import { abortUpload, headObject, isPreconditionFailed } from './s3-ops';
import type { TransferClient } from './transfer-client';
import type { TransferItem, UploadSpec } from './transfer-item';
import { conflictError, rawObjectHeaders, renumber, withAclFallback } from './upload-headers';

/**
 * Uploads one file: checks it is still the file that was queued (a changed file starts over
 * and says so), then sends it in one PUT or in parts. Resolves when the object is in the bucket
 * and verified; throws an AppError the panel can show otherwise.
 */
export async function runUpload(item: TransferItem, ctx: RunContext): Promise<void> {
  const spec = item.spec as UploadSpec;
  const tc = ctx.clients.get(item.connectionId);
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
      if (item.uploadId) {
        // Parts of the old version must not be mixed with the new one.
        await abortUpload(tc.client, item.bucket, item.key, item.uploadId, ctx.options.retry, ctx.signal).catch(() => undefined);
        item.uploadId = null;
        item.partSize = null;
        ctx.journal.saveUpload(item.id, null, null);
        ctx.journal.clearParts(item.id);
      }
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
            const stream = body ? undefined : source.stream(0, size, (n) => ((sent += n), ctx.addBytes(item, n)));
            const out = await withAclFallback(item, spec, ctx, (withAcl) =>
              tc.direct.put(
                {
                  bucket: item.bucket,
                  key: item.key,
                  body: body ?? stream ?? Buffer.alloc(0),
                  contentLength: size,
                  headers: rawObjectHeaders(spec, withAcl, checksum, spec.mode !== 'overwrite'),
                },
                signal,
              ),
            );
            if (body) ctx.addBytes(item, (sent = size));
            const etag = bareEtag(out.etag);
            if (checksum.md5Hex && etag && !etag.includes('-') && etag !== checksum.md5Hex) {
              throw Object.assign(new Error(`The server stored different bytes for ${item.key} (ETag mismatch).`), { name: 'BadDigest' });
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
export const deletedNotice = 'The file was deleted from its folder during the upload; the copy in the bucket is complete, as the file was when the upload began.';

/**
 * A file still being written (a growing recording) would leave a truncated object. When the file
 * changed while it was sent, a copy we created is removed again and the item fails with a reason;
 * an overwrite cannot be undone, so it fails saying the bucket copy may be incomplete.
 */
async function failIfChangedAfterPut(item: TransferItem, spec: UploadSpec, source: FileSource, tc: TransferClient, ctx: RunContext): Promise<void> {
  const state = await source.check();
  if (state === 'same') return;
  if (state === 'deleted') {
    item.notice = item.notice ? `${item.notice} ${deletedNotice}` : deletedNotice;
    ctx.touch(item);
    return;
  }
  if (spec.mode !== 'overwrite') {
    await tc.client.send(new DeleteObjectCommand({ Bucket: item.bucket, Key: item.key }), { abortSignal: ctx.signal }).catch(() => undefined);
    throw new LocalFileError('Conflict', `${item.localPath} changed while it was being uploaded, so the copy in the bucket was removed again. Retry once the file is finished.`, { file: item.localPath, changed: true });
  }
  throw new LocalFileError('Conflict', `${item.localPath} changed while it was being uploaded; the object in the bucket may hold an older or incomplete version. Retry once the file is finished.`, { file: item.localPath, changed: true });
}
