import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAll, writeBody } from '../../../../src/main/core/transfers/download/body-writer';
import {
  DiskWrites,
  onLocalDisk,
  type DiskFacts,
  type DiskWritesOptions,
  type PositionalWriter,
} from '../../../../src/main/core/transfers/local/disk-writes';

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
/** A clock that moves `step` ms every time it is read. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};
/** Every folder on one local device unless said otherwise; writes measured by `now`. */
const writes = (o: Partial<DiskWritesOptions> = {}) =>
  new DiskWrites({
    slowWriteMs: 10,
    maxSlowWrites: 3,
    strikeWindow: 100,
    stallWriteMs: 50,
    isLocal: () => Promise.resolve(true),
    device: () => Promise.resolve(1),
    now: ticking(0),
    ...o,
  });
const isPooled = (w: PositionalWriter) => w.write(handle, bytes('p'), 0, 1, 0) instanceof Promise;

describe('where a download’s bytes are written', () => {
  it('writes on the calling thread on a local disk: the count comes back at once, the bytes are at their offset', async () => {
    const w = writes();
    const writer = await w.writerFor(dir);
    expect(writer.write(handle, bytes('xxhello'), 2, 5, 3)).toBe(5);
    expect(readFileSync(join(dir, 'f.bin')).subarray(3).toString()).toBe('hello');
    expect(w.written()).toEqual({ inline: 1, pooled: 0 });
  });

  it('sends a device’s writes to the thread pool once they were slow again and again, other devices staying inline', async () => {
    // Every write measures 20 ms, over the slow limit (10) and under the stall (50): three strikes.
    const w = writes({ now: ticking(20), device: (f) => Promise.resolve(f.endsWith('other') ? 2 : 1) });
    const slow = await w.writerFor(dir);
    expect(['a', 'b', 'c'].map((c, i) => slow.write(handle, bytes(c), 0, 1, i))).toEqual([1, 1, 1]);
    const fourth = slow.write(handle, bytes('d'), 0, 1, 3);
    expect(fourth).toBeInstanceOf(Promise);
    await expect(fourth).resolves.toBe(1);
    expect(readFileSync(join(dir, 'f.bin'), 'utf8')).toBe('abcd');
    // Another folder of the same device shares its verdict; a folder on another device starts inline.
    expect(isPooled(await w.writerFor(join(dir, 'sub')))).toBe(true);
    expect(isPooled(await w.writerFor(join(dir, 'other')))).toBe(false);
    expect(w.written()).toEqual({ inline: 4, pooled: 2 });
  });

  it('forgets strikes older than its window: a few slow writes per GiB do not add up over a session', async () => {
    let t = 0;
    let slowNext = false;
    // Reads in pairs (before, after): a write is slow (20 ms) when asked to be.
    let reads = 0;
    const now = () => {
      reads += 1;
      if (reads % 2 === 0 && slowNext) t += 20;
      return t;
    };
    const writer = await writes({ now, strikeWindow: 10 }).writerFor(dir);
    for (let round = 0; round < 5; round += 1) {
      // Two slow writes (of three allowed) per ten, then eight quick ones.
      for (let i = 0; i < 10; i += 1) {
        slowNext = i < 2;
        expect(writer.write(handle, bytes('x'), 0, 1, i)).toBe(1);
      }
    }
  });

  it('sends them to the pool after one write that held the thread past the stall limit, and after a slow failed write', async () => {
    const stalled = await writes({ now: ticking(60) }).writerFor(dir);
    expect(stalled.write(handle, bytes('a'), 0, 1, 0)).toBe(1);
    await expect(stalled.write(handle, bytes('b'), 0, 1, 1)).resolves.toBe(1);
    expect(readFileSync(join(dir, 'f.bin'), 'utf8')).toBe('ab');

    // A disk that fails slowly (retries, then an error) is slow too: the next write is not made to wait inline.
    const failing = await writes({ now: ticking(60) }).writerFor(dir);
    const readOnly = await open(join(dir, 'f.bin'), 'r');
    try {
      expect(() => failing.write(readOnly, bytes('x'), 0, 1, 0)).toThrow(expect.objectContaining({ code: 'EBADF' }) as Error);
      expect(isPooled(failing)).toBe(true);
    } finally {
      await readOnly.close();
    }
  });

  it('writes through the pool where the disk is not local or the folder cannot be described, asking once per folder', async () => {
    const asked: string[] = [];
    const w = writes({
      isLocal: (folder) => {
        asked.push(folder);
        return Promise.resolve(false);
      },
    });
    const writer = await w.writerFor(dir);
    await expect(writer.write(handle, bytes('zz'), 0, 2, 0)).resolves.toBe(2);
    await w.writerFor(dir);
    expect(asked).toEqual([dir]);
    expect(w.written()).toEqual({ inline: 0, pooled: 1 });
    const unknown = writes({ device: () => Promise.reject(new Error('ENOENT')) });
    expect(isPooled(await unknown.writerFor(join(dir, 'gone')))).toBe(true);
  });

  it('fails an inline write on a full disk with the disk’s message, and a file system that writes nothing instead of looping', async () => {
    const writer = await writes().writerFor(dir);
    const full = await open('/dev/full', 'w');
    try {
      const written = writeBody(Readable.from([new Uint8Array(64 * 1024)]), {
        handle: full,
        file: '/downloads/big.bin',
        start: 0,
        size: 64 * 1024,
        writer,
        onBytes: () => {},
      });
      await expect(written).rejects.toMatchObject({ message: expect.stringMatching(/disk is full/i) as string });
    } finally {
      await full.close();
    }
    const nothing: PositionalWriter = { write: () => 0 };
    await expect(writeAll(nothing, handle, bytes('abc'), 3, 0, '/downloads/a.txt')).rejects.toMatchObject({
      details: expect.objectContaining({ fsCode: 'EIO' }) as object,
    });
  });
});

describe('telling a local disk', () => {
  const facts = (o: Partial<DiskFacts>): DiskFacts => ({
    platform: 'linux',
    fileSystemType: () => Promise.resolve(0xef53),
    device: (folder) => Promise.resolve(folder.startsWith('/Volumes/') ? 7 : 1),
    home: '/Users/me',
    systemDrive: 'C:',
    ...o,
  });

  it('on Linux by the file system: ext4 and tmpfs are local; NFS, CIFS (even sign-extended), FUSE and 9p are not', async () => {
    for (const [type, local] of [
      [0xef53, true],
      [0x01021994, true],
      [0x6969, false],
      [0xff534d42, false],
      [0xff534d42 | 0, false],
      [0x65735546, false],
      [0x01021997, false],
    ] as const) {
      expect(await onLocalDisk('/home/me/Downloads', facts({ fileSystemType: () => Promise.resolve(type) })), type.toString(16)).toBe(
        local,
      );
    }
  });

  it('on macOS by the home folder’s volume, on Windows by the system drive; anything unknown is not local', async () => {
    const mac = facts({ platform: 'darwin' });
    expect(await onLocalDisk('/Users/me/Downloads', mac)).toBe(true);
    expect(await onLocalDisk('/Volumes/NAS/media', mac)).toBe(false);
    const win = facts({ platform: 'win32' });
    expect(await onLocalDisk('C:\\Users\\me\\Downloads', win)).toBe(true);
    expect(await onLocalDisk('c:\\Users\\me', win)).toBe(true);
    expect(await onLocalDisk('Z:\\media', win)).toBe(false);
    expect(await onLocalDisk('\\\\server\\share\\media', win)).toBe(false);
    expect(await onLocalDisk('C:\\x', facts({ platform: 'win32', systemDrive: undefined }))).toBe(false);
    expect(await onLocalDisk('/home/me', facts({ platform: 'freebsd' }))).toBe(false);
    expect(await onLocalDisk('/gone', facts({ fileSystemType: () => Promise.reject(new Error('ENOENT')) }))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('finds this machine’s temporary folder local', async () => {
    expect(await onLocalDisk(dir)).toBe(true);
  });
});
