import { createHash } from 'node:crypto';
import { lstat, lutimes, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { createFileNoFollow } from '../../files/contained-writes';
import { downloadFolders } from './folder-checks';
import { finalizeDownload, localFailure, md5OfFile, tempPathFor } from './download-files';
import { LocalFileError, notLocal } from '../local/file-source';
import { runRangedDownload } from './ranged-download';
import { withRetry } from '../client/retry';
import type { RunContext } from '../queue/run-context';
import { etagIsMd5, getObject, type FetchedObject } from './object-fetch';
import { readBufferedBody, releaseBufferedBody, writeBufferedBody, type BufferedBody } from './buffered-body';
import type { GetResponse } from '../client/get-sender';
import { chunkBytes } from '../local/buffer-pool';
import { writeBody } from './body-writer';
import { writerFor } from './download-files';
import type { TransferClient } from '../client/transfer-client';
import type { DownloadSpec, TransferItem } from '../queue/transfer-item';

/**
 * Downloads one object into a temp file beside its destination, verifies it (size; and MD5
 * when the ETag is a plain MD5), then gives it its name without replacing anything unasked.
 * Folders are created level by level inside the chosen folder and files opened without
 * following links (`files/contained-writes.ts`), so a planted symlink cannot lead outside.
 */
export async function runDownload(item: TransferItem, ctx: RunContext): Promise<void> {
  const spec = item.spec as DownloadSpec;
  const root = ctx.destinationOf(item);
  if (!root)
    throw new LocalFileError('Internal', `The download folder for ${item.localPath} is no longer known. Download the file again.`, {
      file: item.localPath,
    });
  const folder = spec.folderMarker ? item.localPath : path.dirname(item.localPath);
  const ensureFolder = () =>
    downloadFolders.ensure(root, folder).catch((error: unknown) => {
      throw localFailure(error, folder, 'create the folder');
    });
  if (spec.folderMarker) return ensureFolder();
  const tc = ctx.clients.get(item.connectionId);
  const temp = tempPathFor(item.localPath);
  item.phase = 'transferring';
  ctx.touch(item);
  let fetched: FetchedObject;
  const ranged = item.size > ctx.options.rangedDownloadThreshold;
  try {
    if (ranged) await ensureFolder();
    fetched = ranged ? await runRangedDownload(item, temp, root, tc, ctx) : await fetchWhole(item, { temp, root, ensureFolder }, tc, ctx);
  } catch (error) {
    throw await freeSpaceIfFull(error, item, temp, ctx);
  }
  item.phase = 'verifying';
  ctx.touch(item);
  await verify(item, temp, fetched, ranged);
  // Checked again: a long download leaves time to swap a folder for a link before the rename. A
  // buffered body was checked just before its temp file was opened, a few calls ago.
  if (!fetched.buffered) await ensureFolder();
  await finalizeDownload(item, temp, ctx);
  // Only ranged downloads journal parts (a whole GET has none to forget: one SQLite commit less per file).
  if (item.partSize !== null) ctx.journal.clearParts(item.id);
  // lutimes: the name is ours now, but never touch what a link there might point to.
  if (fetched.lastModified && !fetched.buffered) await lutimes(item.localPath, new Date(), fetched.lastModified).catch(() => undefined);
}

/**
 * A full disk: the partial file is removed so the space goes back to the user and to the other
 * transfers (resuming it could not succeed before space is freed anyway).
 */
async function freeSpaceIfFull(error: unknown, item: TransferItem, temp: string, ctx: RunContext): Promise<unknown> {
  const fsCode = error instanceof LocalFileError ? error.details?.fsCode : undefined;
  if (fsCode !== 'ENOSPC' && fsCode !== 'EDQUOT') return error;
  await rm(temp, { force: true }).catch(() => undefined);
  ctx.journal.clearParts(item.id);
  return new LocalFileError(
    'Internal',
    `The disk is full: ${item.localPath} could not be written, so its partial download was removed to free the space. Free some space, then retry; the other transfers are not affected.`,
    { file: item.localPath, fsCode },
  );
}

/** Where a whole GET's bytes go: the temp file in its folder, checked (`ensureFolder`) just before the file is opened. */
interface WholeTarget {
  temp: string;
  root: string;
  ensureFolder: () => Promise<void>;
}

/**
 * One GET with If-Match (a changing object is kept out), retried from the start when its body is
 * torn or short. A body of at most `bufferedGetMax` is read into memory and checked there first
 * (`buffered-body.ts`): a small file then costs one write instead of a stream of them, and a bad
 * body never reaches the disk. A larger one streams to the temp file (64 KiB writes), hashed as
 * it goes when the ETag is an MD5.
 */
async function fetchWhole(item: TransferItem, target: WholeTarget, tc: TransferClient, ctx: RunContext): Promise<FetchedObject> {
  const { signal } = ctx;
  const { temp, root } = target;
  return withRetry(
    async () => {
      const release = await ctx.slots.acquire(signal);
      let body: BufferedBody | undefined;
      let out: GetResponse;
      try {
        out = await getObject(item, tc, ctx, undefined);
        if (out.contentLength <= Math.min(ctx.options.bufferedGetMax, chunkBytes)) {
          body = await readBufferedBody(out, item.key, (delta) => ctx.addBytes(item, delta), ctx.throttle);
        } else {
          await target.ensureFolder().catch((error: unknown) => {
            out.discard();
            throw error;
          });
          return await streamWhole(item, out, temp, root, ctx);
        }
      } finally {
        // The request is over once a buffered body is in: the next GET need not wait for this one's disk.
        release();
      }
      try {
        signal.throwIfAborted();
        await target.ensureFolder();
        await writeBufferedBody(body, { temp, root, file: item.localPath, writer: await writerFor(temp, ctx) }, out.lastModified);
      } finally {
        releaseBufferedBody(body);
      }
      return {
        size: out.contentLength,
        written: body.length,
        etag: out.etag,
        encrypted: out.encrypted,
        buffered: true,
        ...(body.md5 ? { md5: body.md5 } : {}),
        ...(out.lastModified ? { lastModified: out.lastModified } : {}),
      };
    },
    { policy: ctx.options.retry, signal, onRetry: (e) => ctx.retrying(item, e), retryable: notLocal },
  );
}

/** A whole GET's body streamed into a new temp file, MD5 hashed on the way when the ETag is one. */
async function streamWhole(item: TransferItem, out: GetResponse, temp: string, root: string, ctx: RunContext): Promise<FetchedObject> {
  const md5 = etagIsMd5(out.etag, out.encrypted) ? createHash('md5') : undefined;
  const handle = await createFileNoFollow(temp, root).catch((error: unknown) => {
    out.discard();
    throw localFailure(error, temp, 'write');
  });
  let written: number;
  try {
    written = await writeBody(out.body, {
      handle,
      file: item.localPath,
      start: 0,
      size: out.contentLength,
      ...(md5 ? { hash: md5 } : {}),
      writeBytes: ctx.options.downloadWriteBytes,
      writer: await writerFor(temp, ctx),
      onBytes: (delta) => ctx.addBytes(item, delta),
      throttle: ctx.throttle,
    });
  } catch (error) {
    out.discard();
    throw error;
  } finally {
    await handle.close();
  }
  return {
    size: out.contentLength,
    written,
    etag: out.etag,
    encrypted: out.encrypted,
    ...(md5 ? { md5: md5.digest('hex') } : {}),
    ...(out.lastModified ? { lastModified: out.lastModified } : {}),
  };
}

/**
 * Size always; MD5 when the ETag is one (not multipart `-N`, not SSE-KMS/SSE-C). A whole GET's
 * size was counted by the write path itself (writeBody rejects a body short or long of its
 * Content-Length, and the temp file was created empty with O_EXCL), so only a ranged download's
 * file, written by many requests and possibly resumed, is measured on disk.
 */
async function verify(item: TransferItem, temp: string, fetched: FetchedObject, ranged: boolean): Promise<void> {
  const size = ranged
    ? (
        await lstat(temp).catch((error: unknown) => {
          throw localFailure(error, temp, 'read');
        })
      ).size
    : fetched.written;
  if (size !== fetched.size) {
    throw new AppError('Internal', `${item.key} arrived with ${size} bytes instead of ${fetched.size}. Retry the download.`, {
      key: item.key,
    });
  }
  if (!etagIsMd5(fetched.etag, fetched.encrypted)) return;
  const md5 = fetched.md5 ?? (await md5OfFile(temp));
  if (md5 !== fetched.etag) {
    throw Object.assign(
      new AppError('Internal', `${item.key} arrived damaged (its MD5 does not match the ETag). Retry the download.`, { key: item.key }),
      {
        name: 'BadDigest',
      },
    );
  }
}
