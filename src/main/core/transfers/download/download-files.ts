import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, lstat, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { LocalFileError } from '../local/file-source';
import { fsAppError } from '../../files/fs-errors';
import { diskWrites, pooledWriter, type PositionalWriter } from '../local/disk-writes';
import { firstFreeName } from '../plan/conflict-names';
import type { RunContext } from '../queue/run-context';
import type { DownloadSpec, TransferItem } from '../queue/transfer-item';

/** Where a download is written until it is complete and verified: `.name.part-bucketadmin` beside it. */
export function tempPathFor(localPath: string): string {
  return path.join(path.dirname(localPath), `.${path.basename(localPath)}.part-bucketadmin`);
}

/** Turns a local write/read failure into a LocalFileError (not retried), e.g. a full disk. */
export function localFailure(error: unknown, file: string, doing: string): LocalFileError {
  if (error instanceof LocalFileError) return error;
  // Already in words (a refused symlink, a file in a folder's place): keep them, not retried.
  if (error instanceof AppError) return new LocalFileError(error.code, error.message, error.details);
  const base = fsAppError(error, file, doing);
  return new LocalFileError(base.code, base.message, base.details);
}

/** How a download's bytes reach its temp file: inline on a local disk unless the engine's options say otherwise. */
export function writerFor(temp: string, ctx: RunContext): Promise<PositionalWriter> {
  return ctx.options.inlineDiskWrites ? diskWrites.writerFor(path.dirname(temp)) : Promise.resolve(pooledWriter);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** MD5 of a whole local file, for a ranged download whose ETag is a plain MD5. */
export async function md5OfFile(file: string): Promise<string> {
  const md5 = createHash('md5');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) md5.update(chunk as Buffer);
  return md5.digest('hex');
}

/** Hard links cannot be made on every file system (FAT, some network shares); fall back there. */
const noLinkCodes = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/**
 * Moves the finished temp file to its name. Overwrite: an atomic rename. Otherwise never
 * replaces a file that appeared meanwhile: link() fails if the name exists (no race), then the
 * temp name is removed; keep-both moves on to `name (1).ext`.
 */
export async function finalizeDownload(item: TransferItem, temp: string, ctx: RunContext): Promise<void> {
  const spec = item.spec as DownloadSpec;
  if (spec.mode === 'overwrite') {
    try {
      await rename(temp, item.localPath);
    } catch (error) {
      throw localFailure(error, item.localPath, 'write');
    }
    return;
  }
  for (;;) {
    let code: string | undefined;
    try {
      await link(temp, item.localPath);
      await unlink(temp);
      return;
    } catch (error) {
      code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && !(code && noLinkCodes.has(code))) throw localFailure(error, item.localPath, 'write');
    }
    const taken = code === 'EEXIST' || (await exists(item.localPath));
    if (!taken) {
      await rename(temp, item.localPath).catch((error: unknown) => {
        throw localFailure(error, item.localPath, 'write');
      });
      return;
    }
    if (spec.mode !== 'keepBoth') {
      throw new AppError(
        'Conflict',
        `A file named ${item.localPath} appeared while it was downloading, so it was not replaced. Choose Overwrite or Keep both, then retry (the download itself is kept).`,
        { file: item.localPath },
      );
    }
    const names = new Set<string>();
    let candidate = firstFreeName(item.localPath, (p) => names.has(p), path.sep);
    while (await exists(candidate)) {
      names.add(candidate);
      candidate = firstFreeName(item.localPath, (p) => names.has(p), path.sep);
    }
    item.localPath = candidate;
    ctx.journal.saveTarget(item);
    ctx.touch(item);
  }
}

/** Removes a partial download (cancel). */
export async function removeTemp(localPath: string): Promise<void> {
  await rm(tempPathFor(localPath), { force: true });
}
