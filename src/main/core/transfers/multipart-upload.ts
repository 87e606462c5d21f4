import { CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import { AppError } from '../../../shared/errors';
import { bufferPool } from './buffer-pool';
import { LocalFileError, notLocal, type FileSource } from './file-source';
import { choosePartSize, partCount, partRange } from './part-size';
import { withRetry } from './retry';
import { bareEtag, type RunContext } from './run-context';
import { abortUpload, headObject, isNoSuchUpload, listAllParts, type ServerPart } from './s3-ops';
import type { TransferClient } from './transfer-client';
import type { JournalPart, TransferItem, UploadSpec } from './transfer-item';
import { conflictError, objectHeaders, renumber, withAclFallback } from './upload-headers';
import { runPartWorkers } from './part-workers';
import { completeUpload } from './multipart-complete';

/**
 * A multipart upload that survives anything: the upload id and every finished part go to the
 * journal as they happen; on resume the parts S3 already holds (ListParts) are kept when they
 * match what the journal or the local bytes say, and only the rest is sent. Completion is
 * verified with HeadObject (RGW answers CompleteMultipartUpload with an empty ETag).
 */
export async function runMultipart(item: TransferItem, spec: UploadSpec, source: FileSource, tc: TransferClient, ctx: RunContext): Promise<void> {
  const { signal, options, journal } = ctx;
  const policy = options.retry;
  const done = new Map<number, JournalPart>();
  if (item.uploadId) await recoverParts(item, source, tc, ctx, done);
  if (!item.uploadId && spec.mode !== 'overwrite') await claimKey(item, spec, tc, ctx);
  const partSize = item.partSize ?? choosePartSize(item.size, options.preferredPartSize);
  if (!item.uploadId) {
    item.phase = 'preparing';
    const created = await withAclFallback(item, spec, ctx, (withAcl) =>
      withRetry(
        () =>
          tc.client.send(
            new CreateMultipartUploadCommand({
              Bucket: item.bucket,
              Key: item.key,
              ...objectHeaders(spec, withAcl),
              ...(tc.integrity === 'crc32' ? { ChecksumAlgorithm: 'CRC32' } : {}),
            }),
            { abortSignal: signal },
          ),
        { policy, signal, onRetry: (e) => ctx.retrying(item, e) },
      ),
    );
    if (!created.UploadId) throw new AppError('Internal', `The server did not start a multipart upload for ${item.key}.`);
    item.uploadId = created.UploadId;
    item.partSize = partSize;
    journal.clearParts(item.id);
    journal.saveUpload(item.id, item.uploadId, partSize);
  }
  const uploadId = item.uploadId;
  const total = partCount(item.size, partSize);
  item.partsTotal = total;
  item.partsDone = done.size;
  ctx.addBytes(item, [...done.values()].reduce((sum, p) => sum + p.size, 0) - item.bytesDone);
  item.phase = 'transferring';
  ctx.touch(item);

  const pending: number[] = [];
  for (let n = 1; n <= total; n += 1) if (!done.has(n)) pending.push(n);
  await runPartWorkers(pending, Math.min(options.maxPartsPerFile, pending.length), signal, async (n, partSignal) => {
    const part = await uploadPart(item, source, tc, ctx, uploadId, n, partSize, partSignal);
    journal.addPart(item.id, part);
    done.set(n, part);
    item.partsDone = done.size;
    ctx.touch(item);
  });

  item.phase = 'finishing';
  ctx.touch(item);
  if ((await source.check()) === 'changed') {
    await abortUpload(tc.client, item.bucket, item.key, uploadId, policy, signal).catch(() => undefined);
    item.uploadId = null;
    journal.saveUpload(item.id, null, null);
    journal.clearParts(item.id);
    throw new LocalFileError('Conflict', `${item.localPath} changed while it was being uploaded, so the upload was stopped and nothing was left in the bucket. Retry once the file is finished.`, { file: item.localPath, changed: true });
  }
  const parts = [...done.values()].sort((a, b) => a.partNumber - b.partNumber);
  await completeUpload(item, spec, tc, ctx, uploadId, parts);
  journal.saveUpload(item.id, null, null);
  journal.clearParts(item.id);
  item.uploadId = null;
}

/** Fills `done` with the parts that can be kept; restarts from scratch when the upload is gone. */
async function recoverParts(item: TransferItem, source: FileSource, tc: TransferClient, ctx: RunContext, done: Map<number, JournalPart>): Promise<void> {
  const uploadId = item.uploadId ?? '';
  const partSize = item.partSize ?? 0;
  let server: Map<number, ServerPart> | undefined;
  if (partSize > 0) {
    try {
      server = await listAllParts(tc.client, item.bucket, item.key, uploadId, ctx.options.retry, ctx.signal);
    } catch (error) {
      if (!isNoSuchUpload(error)) throw error;
      item.notice = 'The unfinished upload was no longer on the server (aborted or expired), so it restarted from the beginning.';
    }
  }
  if (!server) {
    item.uploadId = null;
    item.partSize = null;
    ctx.journal.saveUpload(item.id, null, null);
    ctx.journal.clearParts(item.id);
    return;
  }
  const journaled = new Map(ctx.journal.parts(item.id).map((p) => [p.partNumber, p]));
  const scratch = bufferPool.take();
  try {
    await keepMatchingParts(item, source, tc, ctx, done, server, journaled, scratch);
  } finally {
    bufferPool.give(scratch);
  }
}

/** Keeps each part S3 holds whose size and ETag (journal) or checksum (local bytes) match. */
async function keepMatchingParts(
  item: TransferItem,
  source: FileSource,
  tc: TransferClient,
  ctx: RunContext,
  done: Map<number, JournalPart>,
  server: Map<number, ServerPart>,
  journaled: Map<number, JournalPart>,
  scratch: Buffer,
): Promise<void> {
  const partSize = item.partSize ?? 0;
  for (let n = 1; n <= partCount(item.size, partSize); n += 1) {
    const remote = server.get(n);
    const range = partRange(n, partSize, item.size);
    if (!remote || remote.size !== range.size) continue;
    const known = journaled.get(n);
    if (known && known.etag === remote.etag) {
      done.set(n, known);
      continue;
    }
    // On the server but not in the journal (the answer or the journal write was lost): keep it
    // only if its checksum matches our bytes.
    const local = await source.checksum(range.start, range.end, tc.integrity, scratch);
    const same = local.md5Hex ? local.md5Hex === remote.etag : local.base64 === remote.checksumCrc32;
    if (!same) continue;
    const part = { partNumber: n, size: range.size, etag: remote.etag, checksum: local.base64 };
    ctx.journal.addPart(item.id, part);
    done.set(n, part);
  }
}

/** Before a create or keep-both multipart upload: the key must be free (or move on to a free number). */
async function claimKey(item: TransferItem, spec: UploadSpec, tc: TransferClient, ctx: RunContext): Promise<void> {
  const exists = async (key: string) => (await headObject(tc.client, item.bucket, key, ctx.options.retry, ctx.signal)) !== null;
  if (!(await exists(item.key))) return;
  if (spec.mode !== 'keepBoth') throw conflictError(item);
  await renumber(item, ctx, exists);
}

async function uploadPart(
  item: TransferItem,
  source: FileSource,
  tc: TransferClient,
  ctx: RunContext,
  uploadId: string,
  n: number,
  partSize: number,
  signal: AbortSignal,
): Promise<JournalPart> {
  const range = partRange(n, partSize, item.size);
  return withRetry(
    async () => {
      const release = await ctx.slots.acquire(signal);
      let sent = 0;
      try {
        // The scratch buffer is held only while hashing, inside the request slot: memory follows
        // the requests in flight, not the number of part workers waiting for a slot.
        const scratch = bufferPool.take();
        const checksum = await source.checksum(range.start, range.end, tc.integrity, scratch).finally(() => bufferPool.give(scratch));
        const body = source.stream(range.start, range.end, (bytes) => ((sent += bytes), ctx.addBytes(item, bytes)));
        const out = await tc.direct.put(
          {
            bucket: item.bucket,
            key: item.key,
            query: { partNumber: String(n), uploadId },
            body,
            contentLength: range.size,
            headers: checksum.mode === 'md5' ? { 'content-md5': checksum.base64 } : { 'x-amz-checksum-crc32': checksum.base64 },
          },
          signal,
        );
        const etag = bareEtag(out.etag);
        if (!etag || (checksum.md5Hex && etag !== checksum.md5Hex)) {
          throw Object.assign(new Error(`Part ${n} of ${item.key} arrived damaged (ETag ${etag || 'missing'}).`), { name: 'BadDigest' });
        }
        return { partNumber: n, size: range.size, etag, checksum: checksum.base64 };
      } catch (error) {
        if (sent > 0) ctx.addBytes(item, -sent);
        throw error;
      } finally {
        release();
      }
    },
    { policy: ctx.options.retry, signal, onRetry: (e) => ctx.retrying(item, e), retryable: notLocal },
  );
}
