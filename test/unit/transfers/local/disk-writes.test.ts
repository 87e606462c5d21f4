import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskWrites, onLocalDisk, pooledWriter } from '../../../../src/main/core/transfers/local/disk-writes';

let dir: string;
let handle: FileHandle;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bucket-admin-disk-writes-'));
  handle = await open(join(dir, 'f.bin'), 'w+');
});
afterEach(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (s: string) => Buffer.from(s);
const limits = { slowWriteMs: 10, maxSlowWrites: 3, stallWriteMs: 50 };
/** A clock that moves `step` ms every time it is read. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('where a download’s bytes are written', () => {
  it('writes on the calling thread under a local folder: the count comes back at once, the bytes are at their offset', async () => {
    const writer = await new DiskWrites({ ...limits, isLocal: () => Promise.resolve(true), now: ticking(0) }).writerFor(dir);
    const n = writer.write(handle, bytes('xxhello'), 2, 5, 3);
    expect(n).toBe(5);
    expect(readFileSync(join(dir, 'f.bin')).subarray(3).toString()).toBe('hello');
  });

  it('sends the writes under a folder to the thread pool once they were slow again and again, and keeps other folders inline', async () => {
    // Every write measures 20 ms, over the slow limit (10) and under the stall (50): three strikes.
    const writes = new DiskWrites({ ...limits, isLocal: () => Promise.resolve(true), now: ticking(20) });
    const slow = await writes.writerFor(dir);
    expect(['a', 'b', 'c'].map((c, i) => slow.write(handle, bytes(c), 0, 1, i))).toEqual([1, 1, 1]);
    const fourth = slow.write(handle, bytes('d'), 0, 1, 3);
    expect(fourth).toBeInstanceOf(Promise);
    await expect(fourth).resolves.toBe(1);
    expect(readFileSync(join(dir, 'f.bin'), 'utf8')).toBe('abcd');
    // The same folder asked again gets the same (now pooled) writer; another folder starts inline.
    expect((await writes.writerFor(dir)).write(handle, bytes('e'), 0, 1, 4)).toBeInstanceOf(Promise);
    expect((await writes.writerFor(join(dir, 'other'))).write(handle, bytes('f'), 0, 1, 5)).toBe(1);
  });

  it('sends them to the pool after one write that held the thread past the stall limit', async () => {
    const writes = new DiskWrites({ ...limits, isLocal: () => Promise.resolve(true), now: ticking(60) });
    const writer = await writes.writerFor(dir);
    expect(writer.write(handle, bytes('a'), 0, 1, 0)).toBe(1);
    await expect(writer.write(handle, bytes('b'), 0, 1, 1)).resolves.toBe(1);
    expect(readFileSync(join(dir, 'f.bin'), 'utf8')).toBe('ab');
  });

  it('writes through the thread pool under a folder that is not on a local disk, and asks the file system once per folder', async () => {
    const asked: string[] = [];
    const writes = new DiskWrites({
      ...limits,
      isLocal: (root) => {
        asked.push(root);
        return Promise.resolve(false);
      },
      now: ticking(0),
    });
    const writer = await writes.writerFor(dir);
    expect(writer).toBe(pooledWriter);
    await expect(writer.write(handle, bytes('zz'), 0, 2, 0)).resolves.toBe(2);
    await writes.writerFor(dir);
    expect(asked).toEqual([dir]);
  });

  it('fails a write inline as the disk fails it (the caller turns it into its message)', async () => {
    const writer = await new DiskWrites({ ...limits, isLocal: () => Promise.resolve(true), now: ticking(0) }).writerFor(dir);
    const readOnly = await open(join(dir, 'f.bin'), 'r');
    try {
      expect(() => writer.write(readOnly, bytes('x'), 0, 1, 0)).toThrow(expect.objectContaining({ code: 'EBADF' }) as Error);
    } finally {
      await readOnly.close();
    }
  });

  it('tells a local disk from a share: UNC paths on Windows are not local, drive letters are; a local folder here is', async () => {
    expect(await onLocalDisk('\\\\server\\share\\downloads', 'win32')).toBe(false);
    expect(await onLocalDisk('//server/share/downloads', 'win32')).toBe(false);
    expect(await onLocalDisk('C:\\Users\\me\\Downloads', 'win32')).toBe(true);
    expect(await onLocalDisk(dir, 'linux')).toBe(process.platform === 'linux');
    // A folder the file system cannot describe is not assumed local.
    expect(await onLocalDisk(join(dir, 'missing', 'deeper'), 'linux')).toBe(false);
  });
});
