import { writeSync } from 'node:fs';
import { statfs, type FileHandle } from 'node:fs/promises';

/** Positional writes of a download's bytes into its open file. */
export interface PositionalWriter {
  /** Writes up to `length` bytes of `buffer` from `offset` at `position`; the count written (short writes happen). */
  write(handle: FileHandle, buffer: Buffer, offset: number, length: number, position: number): number | Promise<number>;
}

/** Through libuv's thread pool, as every other file-system call of the engine. */
export const pooledWriter: PositionalWriter = {
  write: async (handle, buffer, offset, length, position) => (await handle.write(buffer, offset, length, position)).bytesWritten,
};

/**
 * Linux `statfs` magic numbers of network and FUSE file systems: a write there may wait on a
 * server, so it never runs on the calling thread. (NFS, SMB, CIFS, SMB2, FUSE — sshfs, s3fs, rclone
 * mount, gvfs —, 9p, Ceph, AFS, Coda, Lustre, OrangeFS.)
 */
const remoteFileSystems = new Set([
  0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x65735546, 0x01021997, 0x00c36400, 0x5346414f, 0x73757245, 0x0bd00bd0, 0x13661366,
]);

/** Whether `root` is on a local disk, as far as the platform tells: a UNC path or a network file system is not. */
export async function onLocalDisk(root: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform === 'win32') return !/^[\\/]{2}/.test(root);
  if (platform !== 'linux') return true;
  try {
    return !remoteFileSystems.has((await statfs(root)).type);
  } catch {
    return false;
  }
}

export interface DiskWritesOptions {
  /** A write slower than this is a strike against its folder (the thread may only have been preempted). */
  slowWriteMs: number;
  /** Strikes after which a folder's writes go to the pool (a throttled or slow disk is slow again and again). */
  maxSlowWrites: number;
  /** One write slower than this sends its folder's later writes to the pool at once (the event loop's budget). */
  stallWriteMs: number;
  isLocal: (root: string) => Promise<boolean>;
  now: () => number;
}

/**
 * Where a download's bytes are copied into the page cache on the calling thread (`writeSync`)
 * instead of through the thread pool. Measured with `npm run bench:download -- --baseline` (1 GiB
 * in 64 KiB writes, 16,384 of them; 2026-12-04, load ~2, A/B in one run): 1.88 → 1.62 s and
 * 1.83 → 1.23 CPU-s (6 reps), 1.58 → 1.36 s and 1.36 → 0.93 CPU-s (3 reps; rclone 1.47 s). Each
 * pooled write paid a hand-off to a worker thread and back (futex
 * wake-ups, an eventfd, a loop turn: perf showed more CPU there than in the copy itself), and
 * the copy ran on another core, away from the cache the socket read had just filled. Larger
 * pooled writes were slower still (256 KiB: 1.80 s, 1 MiB: 2.61 s).
 *
 * A 64 KiB copy into the page cache takes tens of microseconds, so the event loop never waits
 * long on one — except where the kernel makes writes wait: a disk slower than the network
 * (dirty-page throttling pauses a writer up to 200 ms), or a network share. So writes run inline
 * only under a download folder on a local disk (`onLocalDisk`), and once writes there turn slow
 * — one over `stallWriteMs`, or `maxSlowWrites` over `slowWriteMs` — every later write under that
 * folder goes to the pool for the rest of the session. One strike is not enough: on this machine
 * under load a few writes per GiB take 2–11 ms (the thread preempted, a page reclaimed), and a
 * single 10 ms one turned the fast path off in one bench run of three.
 */
export const defaultDiskWritesOptions: DiskWritesOptions = {
  slowWriteMs: 10,
  maxSlowWrites: 4,
  stallWriteMs: 50,
  isLocal: onLocalDisk,
  now: () => performance.now(),
};

export class DiskWrites {
  private readonly verdicts = new Map<string, Promise<PositionalWriter>>();

  constructor(private readonly options: DiskWritesOptions = defaultDiskWritesOptions) {}

  /** The writer for files under `root` (asked of the file system once per root). */
  writerFor(root: string): Promise<PositionalWriter> {
    let verdict = this.verdicts.get(root);
    if (!verdict) {
      verdict = this.options.isLocal(root).then((local) => (local ? this.inline() : pooledWriter));
      if (this.verdicts.size >= 256) this.verdicts.clear();
      this.verdicts.set(root, verdict);
    }
    return verdict;
  }

  private inline(): PositionalWriter {
    const { slowWriteMs, maxSlowWrites, stallWriteMs, now } = this.options;
    let strikes = 0;
    return {
      write: (handle, buffer, offset, length, position) => {
        if (strikes >= maxSlowWrites) return pooledWriter.write(handle, buffer, offset, length, position);
        const started = now();
        const written = writeSync(handle.fd, buffer, offset, length, position);
        const took = now() - started;
        if (took > stallWriteMs) strikes = maxSlowWrites;
        else if (took > slowWriteMs) strikes += 1;
        return written;
      },
    };
  }
}

/** The engine's (one per process, like the download folders it judges). */
export const diskWrites = new DiskWrites();
