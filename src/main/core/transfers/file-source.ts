import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { fsAppError } from '../files/fs-errors';
import { FileRangeBody } from './file-range-body';
import type { IntegrityMode } from './transfer-client';

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
    private readonly opened: { dev: number; ino: number; size: number; mtimeMs: number },
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
      const mtimeMs = Math.trunc(info.mtimeMs);
      const source = new FileSource(path, handle, { dev: info.dev, ino: info.ino, size: info.size, mtimeMs });
      return { source, size: info.size, mtimeMs };
    } catch (error) {
      await handle.close();
      throw error instanceof LocalFileError ? error : localError(error, path, 'read');
    }
  }

  /**
   * Is the file at its path still the one opened? `changed`: written to (size or mtime) or
   * replaced by another file (an editor's save-by-rename); `deleted`: gone from its folder
   * (what was read through the open handle is still a complete, consistent copy).
   */
  async check(): Promise<'same' | 'changed' | 'deleted'> {
    const { dev, ino, size, mtimeMs } = this.opened;
    const unchanged = (info: { size: number; mtimeMs: number }) => info.size === size && Math.trunc(info.mtimeMs) === mtimeMs;
    try {
      // One stat by path answers both questions while the path still leads to the opened file.
      const now = await stat(this.path);
      if (now.dev !== dev || now.ino !== ino) return 'changed';
      return unchanged(now) ? 'same' : 'changed';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw localError(error, this.path, 'read');
    }
    try {
      return unchanged(await this.handle.stat()) ? 'deleted' : 'changed';
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
    for (let pos = start; pos < end; ) {
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

  /** The body for [start, end): written to the socket from pooled buffers, each chunk reported to `onBytes`. */
  stream(start: number, end: number, onBytes: (n: number) => void): FileRangeBody {
    const read = async (buffer: Buffer, length: number, position: number) => (await this.read(buffer, 0, length, position)).bytesRead;
    return new FileRangeBody(read, start, end, onBytes, () => shrunk(this.path));
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

/** Checksum of a buffer already in memory. */
export function checksumOf(body: Buffer, mode: IntegrityMode): BodyChecksum {
  return mode === 'md5' ? md5Checksum(createHash('md5').update(body).digest()) : crc32Checksum(crc32(body));
}

function md5Checksum(digest: Buffer): BodyChecksum {
  return { mode: 'md5', base64: digest.toString('base64'), md5Hex: digest.toString('hex') };
}

function crc32Checksum(value: number): BodyChecksum {
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
