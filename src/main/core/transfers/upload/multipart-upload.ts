import { forEachConcurrent } from '../../../../shared/concurrency';
import { bufferPool } from '../local/buffer-pool';
import { compareStamps, LocalFileError, notLocal, sentAsChecksummed, SourceRewrittenError, type FileSource } from '../local/file-source';
import { createMultipart } from './multipart-create';
import { choosePartSize, partCount, partRange } from '../../s3/part-size';
import { withRetry } from '../client/retry';
import { bareEtag, type RunContext } from '../queue/run-context';
import { abortUpload, headObject, isNoSuchUpload, listAllParts, type ServerPart } from '../client/s3-ops';
import { checksumMode, verifySentParts } from './source-verify';
import type { TransferClient } from '../client/transfer-client';
import type { JournalPart, SourceStamp, TransferItem, UploadSpec } from '../queue/transfer-item';
import { conflictError, renumber } from './upload-headers';
import { completeUpload } from './multipart-complete';

/** Thrown by a part worker to stop the others: the file is not as the parts so far were read. */
class SourceMoved extends Error {}

/**
 * A multipart upload that survives anything: the upload id and every finished part go to the
 * journal as they happen; on resume the parts S3 already holds (ListParts) are kept when they
 * match what the journal or the local bytes say, and only the rest is sent. The object must be
 * one version of the file: after each part the file is stat'ed against the stamp the parts were
 * read under (a size/mtime change fails the item; a ctime change alone re-checks the parts sent
 * and restarts if one differs). Completion is verified with HeadObject (RGW answers
 * CompleteMultipartUpload with an empty ETag).
 */
export async function runMultipart(
  item: TransferItem,
  spec: UploadSpec,
  source: FileSource,
  tc: TransferClient,
  ctx: RunContext,
): Promise<void> {
  const { signal, options, journal } = ctx;
  const done = new Map<number, JournalPart>();
  /** Checksums the journal has for parts that must be read again: the same bytes must come back. */
  const expected = new Map<number, string>();
  if (item.uploadId) await recoverParts(item, source, tc, ctx, done, expected);
  if (!item.uploadId && spec.mode !== 'overwrite') await claimKey(item, spec, tc, ctx);
  const partSize = item.partSize ?? choosePartSize(item.size, options.preferredPartSize);
  if (!item.uploadId) {
    item.phase = 'preparing';
    ctx.touch(item);
    item.uploadId = await createMultipart(item, spec, tc, ctx, partSize, source.opened);
    item.partSize = partSize;
    item.sourceStamp = source.opened;
  }
  const uploadId = item.uploadId;
  let stamp: SourceStamp = item.sourceStamp ?? source.opened;
  const total = partCount(item.size, partSize);
  item.partsTotal = total;
  item.partsDone = done.size;
  ctx.addBytes(item, [...done.values()].reduce((sum, p) => sum + p.size, 0) - item.bytesDone);
  item.phase = 'transferring';
  ctx.touch(item);

  for (;;) {
    const pending: number[] = [];
    for (let n = 1; n <= total; n += 1) if (!done.has(n)) pending.push(n);
    try {
      await forEachConcurrent(
        pending,
        options.maxPartsPerFile,
        async (n, partSignal) => {
          const part = await uploadPart(item, source, tc, ctx, uploadId, n, partSize, partSignal, expected.get(n));
          journal.addPart(item.id, part);
          done.set(n, part);
          item.partsDone = done.size;
          ctx.touch(item);
          // One stat per part: a change is noticed when it happens, not after the whole file was sent.
          const { state } = await source.check(stamp);
          if (state === 'changed' || state === 'touched') throw new SourceMoved();
        },
        signal,
      );
    } catch (error) {
      if (!(error instanceof SourceMoved)) throw error;
    }
    item.phase = 'finishing';
    ctx.touch(item);
    const { state } = await source.check(stamp);
    if (state === 'changed') {
      await discardUpload(item, tc, ctx);
      throw new LocalFileError(
        'Conflict',
        `${item.localPath} changed while it was being uploaded, so the upload was stopped and nothing was left in the bucket. Retry once the file is finished.`,
        { file: item.localPath, changed: true },
      );
    }
    if (state === 'touched') {
      // Same size and mtime, new ctime: rewritten in place with its mtime put back, or only its
      // permissions changed. The parts sent say which (SourceRewrittenError restarts the file).
      stamp = await verifySentParts(source, stamp, done.values(), partSize);
      item.sourceStamp = stamp;
      journal.saveSourceStamp(item.id, stamp);
    }
    if (done.size === total) break;
    item.phase = 'transferring';
  }
  const parts = [...done.values()].sort((a, b) => a.partNumber - b.partNumber);
  await completeUpload(item, spec, tc, ctx, uploadId, parts);
  forgetUpload(item, ctx);
}

/** Aborts the item's multipart upload (its parts stop costing storage) and forgets it. */
export async function discardUpload(item: TransferItem, tc: TransferClient, ctx: RunContext): Promise<void> {
  if (item.uploadId)
    await abortUpload(tc.client, item.bucket, item.key, item.uploadId, ctx.options.retry, ctx.signal).catch(() => undefined);
  forgetUpload(item, ctx);
}

function forgetUpload(item: TransferItem, ctx: RunContext): void {
  item.uploadId = null;
  item.partSize = null;
  item.sourceStamp = null;
  ctx.journal.forgetUpload(item.id);
}

/**
 * Fills `done` with the parts that can be kept; restarts from scratch when the upload is gone.
 * Parts kept on the journal's word were read under its source stamp: if the file is not that
 * file any more by its stamp (ctime moved, another inode, or a journal from before stamps), they
 * are read again and must match (verifySentParts). Journaled parts that must be sent again go to
 * `expected`: their bytes must not have changed either.
 */
async function recoverParts(
  item: TransferItem,
  source: FileSource,
  tc: TransferClient,
  ctx: RunContext,
  done: Map<number, JournalPart>,
  expected: Map<number, string>,
): Promise<void> {
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
    forgetUpload(item, ctx);
    return;
  }
  const journaled = new Map(ctx.journal.parts(item.id).map((p) => [p.partNumber, p]));
  const trusted: JournalPart[] = [];
  const scratch = bufferPool.take();
  try {
    await keepMatchingParts(item, source, tc, ctx, done, server, journaled, scratch, trusted);
  } finally {
    bufferPool.give(scratch);
  }
  const stamp = item.sourceStamp;
  if (!stamp || compareStamps(stamp, source.opened) !== 'same') {
    item.sourceStamp = trusted.length > 0 ? await verifySentParts(source, source.opened, trusted, partSize) : source.opened;
    ctx.journal.saveSourceStamp(item.id, item.sourceStamp);
  }
  for (const [n, part] of journaled) if (!done.has(n) && part.checksum) expected.set(n, part.checksum);
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
  trusted: JournalPart[],
): Promise<void> {
  const partSize = item.partSize ?? 0;
  for (let n = 1; n <= partCount(item.size, partSize); n += 1) {
    const remote = server.get(n);
    const range = partRange(n, partSize, item.size);
    if (!remote || remote.size !== range.size) continue;
    const known = journaled.get(n);
    if (known && known.etag === remote.etag) {
      done.set(n, known);
      trusted.push(known);
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
  expected: string | undefined,
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
        if (expected && checksumMode(expected) === checksum.mode && expected !== checksum.base64) {
          throw new SourceRewrittenError(item.localPath, `part ${n} reads differently from when it was first sent`);
        }
        const body = source.stream(
          range.start,
          range.end,
          (bytes) => ((sent += bytes), ctx.addBytes(item, bytes)),
          checksum.mode === 'crc32',
          { limiter: ctx.throttle.limiter, signal },
        );
        const out = await tc.puts.put(
          {
            bucket: item.bucket,
            key: item.key,
            target: { kind: 'part', uploadId, partNumber: n },
            body,
            contentLength: range.size,
            checksum,
          },
          signal,
        );
        const etag = bareEtag(out.etag);
        if (!etag || (checksum.md5Hex && etag !== checksum.md5Hex) || !sentAsChecksummed(body, checksum)) {
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
