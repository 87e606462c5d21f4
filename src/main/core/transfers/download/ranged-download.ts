import { lstat } from 'node:fs/promises';
import { forEachConcurrent } from '../../../../shared/concurrency';
import { AppError } from '../../../../shared/errors';
import { createFileNoFollow, openExistingNoFollow } from '../../files/contained-writes';
import { writeBody } from './body-writer';
import { changedNotice, getObject, type FetchedObject } from './object-fetch';
import { localFailure, writerFor } from './download-files';
import { notLocal } from '../local/file-source';
import { partCount, partRange } from '../../s3/part-size';
import { withRetry } from '../client/retry';
import type { RunContext } from '../queue/run-context';
import { headObject, isPreconditionFailed } from '../client/s3-ops';
import type { TransferClient } from '../client/transfer-client';
import type { TransferItem } from '../queue/transfer-item';

/**
 * A large object in parallel byte ranges, each written at its offset in the temp file. Finished
 * ranges are journaled (after an fdatasync, so a journaled range is really on disk; at most one
 * sync per `downloadJournalMs`, and one when stopped part-way); a resume keeps them if the
 * object's ETag and the temp file are unchanged, and fetches the rest.
 */
export async function runRangedDownload(
  item: TransferItem,
  temp: string,
  root: string,
  tc: TransferClient,
  ctx: RunContext,
): Promise<FetchedObject> {
  const { signal, options, journal } = ctx;
  const remote = await headObject(tc.client, item.bucket, item.key, options.retry, signal);
  if (!remote)
    throw new AppError('NoSuchKey', `${item.key} no longer exists in the bucket, so it could not be downloaded.`, { key: item.key });
  const rangeSize = options.downloadRangeSize;
  const done = new Set<number>();
  if (remote.etag !== item.remoteEtag || remote.size !== item.size) {
    if (item.remoteEtag !== null) item.notice = changedNotice;
    item.remoteEtag = remote.etag;
    ctx.resize(item, remote.size);
    journal.saveSource(item);
  } else if (item.partSize === rangeSize && (await sizeOf(temp)) === remote.size) {
    for (const p of journal.parts(item.id)) if (p.etag === remote.etag) done.add(p.partNumber);
  }
  if (done.size === 0) {
    journal.clearParts(item.id);
    await prepareTemp(temp, root, remote.size);
  }
  item.partSize = rangeSize;
  journal.saveUpload(item.id, null, rangeSize);
  const total = partCount(remote.size, rangeSize);
  item.partsTotal = total;
  item.partsDone = done.size;
  let already = 0;
  for (const n of done) already += partRange(n, rangeSize, remote.size).size;
  ctx.addBytes(item, already - item.bytesDone);

  const writer = await writerFor(temp, ctx);
  const handle = await openExistingNoFollow(temp, root).catch((error: unknown) => {
    throw localFailure(error, temp, 'write');
  });
  // Finished ranges are journaled in batches, each after one fdatasync: a journaled range is on
  // disk. A batch is due once `downloadJournalMs` passed since the download (or the last batch)
  // began, so a crash costs at most that much time fetched again, whatever the link's speed. Was
  // one per 256 MiB, awaited by the range that crossed it: a GiB on this machine paid three syncs
  // (768 MiB forced to disk, which no peer does: the kernel writes it back anyway) and a lane
  // idle during each: 0.7–0.9 s of ~4.4 on a busy disk, within noise on an idle one (README). The
  // sync runs beside the ranges now, one at a time; ranges finished meanwhile wait for the next batch.
  const unsynced: Array<{ n: number; size: number }> = [];
  let lastJournal = performance.now();
  let syncing: Promise<void> | undefined;
  const journalWritten = async () => {
    if (unsynced.length === 0) return;
    const batch = unsynced.splice(0);
    lastJournal = performance.now();
    await handle.datasync().catch((error: unknown) => {
      throw localFailure(error, temp, 'write');
    });
    for (const { n, size } of batch) journal.addPart(item.id, { partNumber: n, size, etag: remote.etag, checksum: null });
  };
  /** Starts a batch in the background when one is due and none is running; its failure is the download's. */
  let syncFailure: Error | undefined;
  const journalIfDue = () => {
    if (syncing || performance.now() - lastJournal < options.downloadJournalMs) return;
    syncing = journalWritten()
      .catch((error: unknown) => {
        syncFailure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => {
        syncing = undefined;
      });
  };
  let complete = false;
  try {
    const pending: number[] = [];
    for (let n = 1; n <= total; n += 1) if (!done.has(n)) pending.push(n);
    await forEachConcurrent(
      pending,
      options.maxPartsPerFile,
      async (n, partSignal) => {
        const range = partRange(n, rangeSize, remote.size);
        await withRetry(
          async () => {
            const release = await ctx.slots.acquire(partSignal);
            try {
              const out = await getObject(item, tc, { ...ctx, signal: partSignal }, { start: range.start, end: range.end });
              await writeBody(out.body, {
                handle,
                file: item.localPath,
                start: range.start,
                size: range.size,
                writeBytes: ctx.options.downloadWriteBytes,
                writer,
                onBytes: (delta) => ctx.addBytes(item, delta),
                throttle: { limiter: ctx.throttle.limiter, signal: partSignal },
              }).catch((error: unknown) => {
                out.discard();
                throw error;
              });
            } finally {
              release();
            }
          },
          { policy: options.retry, signal: partSignal, onRetry: (e) => ctx.retrying(item, e), retryable: notLocal },
        ).catch((error: unknown) => {
          if (isPreconditionFailed(error)) {
            // The object was replaced mid-download: start over on the new version next time.
            journal.clearParts(item.id);
            unsynced.length = 0;
            throw new AppError(
              'Conflict',
              `${item.key} was replaced in the bucket while it was downloading. Retry to download the new version.`,
              { key: item.key },
            );
          }
          throw error;
        });
        if (syncFailure !== undefined) throw syncFailure;
        unsynced.push({ n, size: range.size });
        done.add(n);
        item.partsDone = done.size;
        ctx.touch(item);
        journalIfDue();
      },
      signal,
    );
    if (syncing) await syncing;
    if (syncFailure !== undefined) throw syncFailure;
    complete = true;
  } finally {
    // Stopped part-way (pause, quit, failure): what is written is kept for the resume. Complete:
    // the journal is cleared once the file has its name, so nothing is synced for it.
    try {
      if (syncing) await syncing;
      if (!complete && syncFailure === undefined) await journalWritten();
    } finally {
      await handle.close();
    }
  }
  return {
    size: remote.size,
    etag: remote.etag,
    encrypted: remote.encrypted,
    ...(remote.lastModified ? { lastModified: remote.lastModified } : {}),
  };
}

/** The size of our own partial file; null for none, or for a link or hard link planted there (start over). */
async function sizeOf(file: string): Promise<number | null> {
  try {
    const info = await lstat(file);
    return info.isFile() && info.nlink === 1 ? info.size : null;
  } catch {
    return null;
  }
}

/** A fresh temp file of the object's size (sparse where the file system allows), never through a link. */
async function prepareTemp(temp: string, root: string, size: number): Promise<void> {
  try {
    const handle = await createFileNoFollow(temp, root);
    try {
      await handle.truncate(size);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw localFailure(error, temp, 'write');
  }
}
