import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors';
import { bufferPool, smallChunkBytes } from '../local/buffer-pool';
import type { Throttle } from '../queue/bandwidth-bucket';
import { pooledWriter, type PositionalWriter } from '../local/disk-writes';
import { localFailure } from './download-files';

/** Where a response body goes: `size` bytes at `start` of the open file. */
export interface BodyTarget {
  handle: FileHandle;
  /** For error messages (the file the user will see). */
  file: string;
  start: number;
  /** Bytes the body must carry: fewer is a torn body, more is refused. */
  size: number;
  /** Bytes per file write (`downloadWriteBytes`; 64 KiB when absent): socket chunks are gathered into buffers of this size. */
  writeBytes?: number;
  /** How the bytes reach the file (`local/disk-writes.ts`); through the thread pool when absent. */
  writer?: PositionalWriter;
  /** Fed every byte in order, when the caller checks a digest. */
  hash?: Hash;
  /** Bytes written so far (negative when an attempt's bytes are taken back). */
  onBytes(delta: number): void;
  /** The bandwidth limit: each slice is taken from it before it is copied (reading waits meanwhile). */
  throttle?: Throttle;
}

/** A body that ended early: retried like a dropped connection, never taken as done. */
export function incompleteBody(received: number, expected: number): Error {
  return Object.assign(new Error(`The connection ended after ${received} of ${expected} bytes.`), { name: 'IncompleteBody' });
}

/**
 * Streams a response body into the file at its offset through two pooled buffers: socket
 * chunks of any size are copied into them and written a buffer at a time, one write in flight while
 * the next buffer fills. A write per socket chunk cost one syscall and one promise per
 * chunk and kept every chunk alive until its write finished, which V8 then had to collect
 * (23% of a 1 GiB download's CPU went to the collector). The digest is fed per buffer. Resolves
 * once every byte is written and `size` bytes arrived, with the count; a short body rejects with
 * IncompleteBody and its bytes are taken back from the progress.
 */
export async function writeBody(body: AsyncIterable<Uint8Array>, target: BodyTarget): Promise<number> {
  const { handle, size, hash, throttle } = target;
  // 64 KiB writes, not larger: the kernel's copy into the page cache reads a buffer still in
  // the CPU's cache. Measured with perf (1 GiB, 4 ranges): with 256 KiB writes that copy
  // (copy_folio_from_iter_atomic) was 40% of 2.8 CPU-s, with 64 KiB 9% of 1.7 CPU-s; 1 MiB
  // writes were worse again (3.6–5.7 s of system time). Fewer thread-pool trips do not pay for it:
  // A/B in one bench run (2026-12-03, load 5–6, medians of 3), 256 KiB against 64 KiB: 3.03 vs
  // 2.64 s and 2.06 vs 1.81 CPU-s for 1 GiB. `downloadWriteBytes` keeps the knob for such runs.
  const bufferSize = target.writeBytes ?? smallChunkBytes;
  // Never a buffer larger than the body: a small file's 64 KiB comes from the small class.
  let current = bufferPool.take(Math.min(bufferSize, Math.max(size, 1)));
  let spare: Buffer | undefined;
  let filled = 0;
  let position = target.start;
  let received = 0;
  let reported = 0;
  let pending: Promise<void> | undefined;
  const flush = async () => {
    if (pending) await pending;
    if (filled === 0) return;
    const full = current;
    const length = filled;
    hash?.update(full.subarray(0, length));
    pending = writeAll(target.writer ?? pooledWriter, handle, full, length, position, target.file);
    // Awaited by the next flush or at the end; a write that fails while the socket is quiet (a full
    // disk) would meanwhile count as an unhandled rejection, which Node reports (or dies of).
    pending.catch(() => undefined);
    position += length;
    target.onBytes(received - reported);
    reported = received;
    // Fill the other buffer while this one is written.
    current = spare ?? bufferPool.take(full.length);
    spare = full;
    filled = 0;
  };
  try {
    for await (const chunk of body) {
      if (received + chunk.length > size) throw new AppError('Internal', `The server sent more bytes than asked for ${target.file}.`);
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(chunk.length - offset, current.length - filled);
        // The socket stays paused while the chunk is held, so waiting here slows the server down.
        if (throttle?.limiter.rate != null) await throttle.limiter.take(n, throttle.signal);
        current.set(offset === 0 && n === chunk.length ? chunk : chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        received += n;
        if (filled === current.length) await flush();
      }
    }
    await flush();
    await pending;
    pending = undefined;
    if (received !== size) throw incompleteBody(received, size);
    return received;
  } catch (error) {
    await pending?.catch(() => undefined);
    if (reported !== 0) target.onBytes(-reported);
    throw error;
  } finally {
    bufferPool.give(current);
    if (spare) bufferPool.give(spare);
  }
}

/** One positional write of `length` bytes, looping over short writes; a failure is the user's disk (not retried). */
export async function writeAll(
  writer: PositionalWriter,
  handle: FileHandle,
  buffer: Buffer,
  length: number,
  position: number,
  file: string,
): Promise<void> {
  try {
    let done = 0;
    while (done < length) {
      const n = await writer.write(handle, buffer, done, length - done, position + done);
      // A regular file never takes nothing; a broken (FUSE) file system might, and looping on it inline would hold the thread for good.
      if (n <= 0) throw Object.assign(new Error('EIO: the file system wrote nothing, write'), { code: 'EIO' });
      done += n;
    }
  } catch (error) {
    throw localFailure(error, file, 'write');
  }
}
