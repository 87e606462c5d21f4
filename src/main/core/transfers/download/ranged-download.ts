import { lstat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { forEachConcurrent } from '../../../../shared/concurrency';
import { AppError } from '../../../../shared/errors';
import { createFileNoFollow, openExistingNoFollow } from '../../files/contained-writes';
import { changedNotice, getObject, type FetchedObject } from './object-fetch';
import { localFailure } from './download-files';
import { notLocal } from '../local/file-source';
import { partCount, partRange } from '../../s3/part-size';
import { withRetry } from '../client/retry';
import type { RunContext } from '../queue/run-context';
import { headObject, isPreconditionFailed } from '../client/s3-ops';
import type { TransferClient } from '../client/transfer-client';
import type { TransferItem } from '../queue/transfer-item';

/**
 * A large object in parallel byte ranges, each written at its offset in the temp file. Finished
 * ranges are journaled (after an fdatasync, so a journaled range is really on disk); a resume
 * keeps them if the object's ETag and the temp file are unchanged, and fetches the rest.
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

  const handle = await openExistingNoFollow(temp, root).catch((error: unknown) => {
    throw localFailure(error, temp, 'write');
  });
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
            let received = 0;
            try {
              const out = await getObject(item, tc, { ...ctx, signal: partSignal }, `bytes=${range.start}-${range.end - 1}`);
              for await (const chunk of out.Body as Readable) {
                const bytes = chunk as Buffer;
                if (received + bytes.length > range.size)
                  throw new AppError('Internal', `The server sent more bytes than asked for ${item.key}.`);
                await handle.write(bytes, 0, bytes.length, range.start + received).catch((error: unknown) => {
                  throw localFailure(error, item.localPath, 'write');
                });
                received += bytes.length;
                ctx.addBytes(item, bytes.length);
              }
              if (received !== range.size) {
                throw Object.assign(new Error(`The connection ended after ${received} of ${range.size} bytes.`), {
                  name: 'IncompleteBody',
                });
              }
            } catch (error) {
              if (received > 0) ctx.addBytes(item, -received);
              throw error;
            } finally {
              release();
            }
          },
          { policy: options.retry, signal: partSignal, onRetry: (e) => ctx.retrying(item, e), retryable: notLocal },
        ).catch((error: unknown) => {
          if (isPreconditionFailed(error)) {
            // The object was replaced mid-download: start over on the new version next time.
            journal.clearParts(item.id);
            throw new AppError(
              'Conflict',
              `${item.key} was replaced in the bucket while it was downloading. Retry to download the new version.`,
              { key: item.key },
            );
          }
          throw error;
        });
        await handle.datasync().catch((error: unknown) => {
          throw localFailure(error, temp, 'write');
        });
        journal.addPart(item.id, { partNumber: n, size: range.size, etag: remote.etag, checksum: null });
        done.add(n);
        item.partsDone = done.size;
        ctx.touch(item);
      },
      signal,
    );
  } finally {
    await handle.close();
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
