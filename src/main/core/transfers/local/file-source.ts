import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { AppError } from '../../../../shared/errors';
import { fsAppError } from '../../files/fs-errors';
import type { Throttle } from '../queue/bandwidth-bucket';
import { FileRangeBody } from './file-range-body';
import type { IntegrityMode } from '../client/transfer-client';
import type { SourceStamp } from '../queue/transfer-item';

/** A part's or object's checksum in the forms S3 wants. */
export interface BodyChecksum {
  mode: IntegrityMode;
  /** Content-MD5 or x-amz-checksum-crc32 header value. */
  base64: string;
  /** MD5 as hex: what S3 returns as a part's (or single-PUT object's) ETag. */
  md5Hex?: string;
}

/** A local file problem: never retried (the disk will say the same thing again). */
export class LocalFileError extends AppError {}

/**
 * The file's bytes changed under the upload while its size and mtime say it did not (rewritten in
 * place, mtime restored): the upload starts over from its first byte (see runUpload).
 */
export class SourceRewrittenError extends LocalFileError {
  constructor(
    path: string,
    /** What was seen, for the item's notice: "part 3 was rewritten after it was sent, …". */
    readonly why: string,
  ) {
    super('Conflict', `${path} changed while it was being uploaded (${why}).`, { file: path, changed: true });
  }
}

/**
 * How the file at the path compares with a stamp. `changed`: written to (size or mtime) or
 * replaced by another file (an editor's save-by-rename); `touched`: same file, size and mtime,
 * but its ctime moved: rewritten in place with the mtime put back, or only its permissions,
 * owner or links changed — the bytes must be checked; `deleted`: gone from its folder (what was
 * read through the open handle is still a complete, consistent copy).
 */
export type SourceState = 'same' | 'touched' | 'changed' | 'deleted';

/** Compares two stamps of the same path (see SourceState). Pure. */
export function compareStamps(then: SourceStamp, now: SourceStamp): Exclude<SourceState, 'deleted'> {
  if (now.dev !== then.dev || now.ino !== then.ino || now.size !== then.size || now.mtimeMs !== then.mtimeMs) return 'changed';
  return now.ctimeMs === then.ctimeMs ? 'same' : 'touched';
}

const stampOf = (info: { dev: number; ino: number; size: number; mtimeMs: number; ctimeMs: number }): SourceStamp => ({
  dev: info.dev,
  ino: info.ino,
  size: info.size,
  mtimeMs: Math.trunc(info.mtimeMs),
  ctimeMs: info.ctimeMs,
});

/** For withRetry: never retry what the local disk said. */
export const notLocal = (error: unknown): boolean => !(error instanceof LocalFileError);

/**
 * One source file opened for upload. Parts read by offset through one handle (positional reads
 * are safe in parallel); nothing larger than a read chunk is held per request in flight.
 */
export class FileSource {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    /** The file as it was opened, before any byte was read. */
    readonly opened: SourceStamp,
  ) {}

  /** Opens `path` and checks it is still the file that was planned (size and mtime). */
  static async open(path: string): Promise<{ source: FileSource; size: number; mtimeMs: number }> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      throw localError(error, path, 'read');
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        throw new LocalFileError('NotFound', `${path} is not a regular file any more, so it was not uploaded.`, { file: path });
      }
      const source = new FileSource(path, handle, stampOf(info));
      return { source, size: info.size, mtimeMs: source.opened.mtimeMs };
    } catch (error) {
      await handle.close();
      throw error instanceof LocalFileError ? error : localError(error, path, 'read');
    }
  }

  /**
   * Is the file at its path still the one of `since` (by default as opened)? One stat; `now` is
   * the file's stamp when the path still leads to it.
   */
  async check(since: SourceStamp = this.opened): Promise<{ state: SourceState; now?: SourceStamp }> {
    try {
      const now = stampOf(await stat(this.path));
      return { state: compareStamps(since, now), now };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw localError(error, this.path, 'read');
    }
    try {
      // Unlinking moves ctime, so only size and mtime can say whether the bytes still are the same.
      const info = await this.handle.stat();
      return { state: info.size === since.size && Math.trunc(info.mtimeMs) === since.mtimeMs ? 'deleted' : 'changed' };
    } catch (error) {
      throw localError(error, this.path, 'read');
    }
  }

  /** Reads a small range whole into `into` (single PUTs of small files); returns the filled part. */
  async readInto(into: Buffer, start: number, end: number): Promise<Buffer> {
    const buffer = into.subarray(0, end - start);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await this.read(buffer, filled, buffer.length - filled, start + filled);
      if (bytesRead === 0) throw shrunk(this.path);
      filled += bytesRead;
    }
    return buffer;
  }

  /** Checksum of [start, end) read in chunks through `scratch` (no allocation per chunk). */
  async checksum(start: number, end: number, mode: IntegrityMode, scratch: Buffer): Promise<BodyChecksum> {
    const md5 = mode === 'md5' ? createHash('md5') : undefined;
    let crc = 0;
    for (let pos = start; pos < end;) {
      const want = Math.min(scratch.length, end - pos);
      const { bytesRead } = await this.read(scratch, 0, want, pos);
      if (bytesRead === 0) throw shrunk(this.path);
      const chunk = scratch.subarray(0, bytesRead);
      if (md5) md5.update(chunk);
      else crc = crc32(chunk, crc);
      pos += bytesRead;
    }
    return md5 ? md5Checksum(md5.digest()) : crc32Checksum(crc);
  }

  /**
   * The body for [start, end): written to the socket from pooled buffers, each chunk reported to
   * `onBytes`. With `crc32`, the body also keeps the CRC32 of the bytes it actually sent.
   */
  stream(start: number, end: number, onBytes: (n: number) => void, crc32 = false, throttle?: Throttle): FileRangeBody {
    const read = async (buffer: Buffer, length: number, position: number) => (await this.read(buffer, 0, length, position)).bytesRead;
    return new FileRangeBody(read, start, end, onBytes, () => shrunk(this.path), crc32, throttle);
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private async read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    try {
      return await this.handle.read(buffer, offset, length, position);
    } catch (error) {
      throw localError(error, this.path, 'read');
    }
  }
}

/**
 * Whether a streamed body sent the bytes its checksum header describes. With Content-MD5 the
 * server checks (RGW and AWS answer BadDigest); x-amz-checksum-crc32 is ignored by some servers
 * (RGW 16.2 stores whatever arrives), so the CRC32 of what went out is compared here: the file
 * was read twice (checksum, then send) and may have changed in between.
 */
export function sentAsChecksummed(body: FileRangeBody, checksum: BodyChecksum): boolean {
  return checksum.mode !== 'crc32' || crc32Checksum(body.sentCrc32).base64 === checksum.base64;
}

/** Checksum of a buffer already in memory. */
export function checksumOf(body: Buffer, mode: IntegrityMode): BodyChecksum {
  return mode === 'md5' ? md5Checksum(createHash('md5').update(body).digest()) : crc32Checksum(crc32(body));
}

function md5Checksum(digest: Buffer): BodyChecksum {
  return { mode: 'md5', base64: digest.toString('base64'), md5Hex: digest.toString('hex') };
}

/** The Content-MD5 / x-amz-checksum-crc32 form of a CRC32 value. */
export function crc32Checksum(value: number): BodyChecksum {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return { mode: 'crc32', base64: out.toString('base64') };
}

function localError(error: unknown, path: string, doing: string): LocalFileError {
  const base = fsAppError(error, path, doing);
  return new LocalFileError(base.code, base.message, base.details);
}

function shrunk(path: string): LocalFileError {
  return new LocalFileError('Conflict', `${path} got shorter while it was being uploaded. Retry once the file is finished.`, {
    file: path,
    changed: true,
  });
}
