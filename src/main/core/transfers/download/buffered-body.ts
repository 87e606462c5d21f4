import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { createFileNoFollow } from '../../files/contained-writes';
import { bufferPool } from '../local/buffer-pool';
import type { Throttle } from '../queue/bandwidth-bucket';
import { incompleteBody, writeAll } from './body-writer';
import type { PositionalWriter } from '../local/disk-writes';
import { localFailure } from './download-files';
import type { GetResponse } from '../client/get-sender';
import { etagIsMd5 } from './object-fetch';

/** A whole small body, already checked: its first `length` bytes of a pooled buffer, given back once written. */
export interface BufferedBody {
  buffer: Buffer;
  length: number;
  /** Hex MD5 of the bytes, when the ETag is one (and it matched). */
  md5?: string;
}

/** A body whose MD5 is not its ETag's: retried like a cut one (BadDigest is retryable), never written. */
function damagedBody(key: string): Error {
  return Object.assign(new AppError('Internal', `${key} arrived damaged (its MD5 does not match the ETag). Retry the download.`, { key }), {
    name: 'BadDigest',
  });
}

/**
 * Reads a whole GET's body (at most one pooled buffer's worth) into memory and checks it there:
 * its length against Content-Length, and its MD5 against the ETag when the ETag is one. A cut,
 * long or damaged body rejects (retryable) before anything touches the disk, so the retry finds
 * no partial file to clean up. Bytes count as progress as they arrive and are taken back on failure.
 */
export async function readBufferedBody(
  out: GetResponse,
  key: string,
  onBytes: (delta: number) => void,
  throttle: Throttle | undefined,
): Promise<BufferedBody> {
  const size = out.contentLength;
  const buffer = bufferPool.take(Math.max(size, 1));
  let received = 0;
  try {
    for await (const chunk of out.body) {
      if (received + chunk.length > size) throw new AppError('Internal', `The server sent more bytes than asked for ${key}.`);
      // The socket stays paused while the chunk is held, so waiting here slows the server down.
      if (throttle?.limiter.rate != null) await throttle.limiter.take(chunk.length, throttle.signal);
      buffer.set(chunk, received);
      received += chunk.length;
      onBytes(chunk.length);
    }
    if (received !== size) throw incompleteBody(received, size);
    if (!etagIsMd5(out.etag, out.encrypted)) return { buffer, length: size };
    const md5 = createHash('md5').update(buffer.subarray(0, size)).digest('hex');
    if (md5 !== out.etag) throw damagedBody(key);
    return { buffer, length: size, md5 };
  } catch (error) {
    out.discard();
    bufferPool.give(buffer);
    if (received !== 0) onBytes(-received);
    throw error;
  }
}

/** Returns a buffered body's memory to the pool. */
export function releaseBufferedBody(body: BufferedBody): void {
  bufferPool.give(body.buffer);
}

/**
 * Writes a checked body to the new temp file in three file-system calls (open with
 * O_EXCL|O_NOFOLLOW, one positional write — on this thread where `writer` is inline —, close),
 * with the object's Last-Modified set through the open file (a fourth) so the name needs no
 * lutimes once it is final. A failure is the user's disk (a full one, say) and is not retried.
 */
export async function writeBufferedBody(
  body: BufferedBody,
  target: { temp: string; root: string; file: string; writer: PositionalWriter },
  mtime?: Date,
): Promise<void> {
  const { temp, root, file } = target;
  const handle = await createFileNoFollow(temp, root).catch((error: unknown) => {
    throw localFailure(error, temp, 'write');
  });
  try {
    await writeAll(target.writer, handle, body.buffer, body.length, 0, file);
    // As lutimes was: a file system that cannot keep the time (some network shares) is no failure.
    if (mtime) await handle.utimes(new Date(), mtime).catch(() => undefined);
  } catch (error) {
    throw localFailure(error, file, 'write');
  } finally {
    await handle.close();
  }
}
