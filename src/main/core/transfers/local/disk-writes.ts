import { writeSync } from 'node:fs';
import { stat, statfs, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

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
 * Linux `statfs` magic numbers (linux/magic.h, coreutils' list of remote file systems) of network,
 * cluster and FUSE file systems: a write there may wait on a server, so it never runs on the
 * calling thread. NFS, SMB, CIFS, SMB2, FUSE (sshfs, s3fs, rclone mount, gvfs; also fuseblk, so
 * ntfs-3g disks go to the pool too), 9p, Ceph, OpenAFS, kernel AFS, Coda, Lustre, OrangeFS, GFS2,
 * OCFS2, NCP, GPFS, VirtualBox and Parallels shared folders.
 */
const remoteFileSystems = new Set([
  0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x65735546, 0x01021997, 0x00c36400, 0x5346414f, 0x6b414653, 0x73757245, 0x0bd00bd0, 0x20030528,
  0x01161970, 0x7461636f, 0x564c, 0x47504653, 0x786f4256, 0x7c7c6673,
]);

/** What `onLocalDisk` asks of the machine (tests answer for another platform). */
export interface DiskFacts {
  platform: NodeJS.Platform;
  /** Linux: the folder's `statfs` type. */
  fileSystemType: (folder: string) => Promise<number>;
  /** The folder's device and the home folder's (macOS: the one volume known to be local). */
  device: (folder: string) => Promise<number>;
  home: string;
  /** Windows: the system drive (`C:`). */
  systemDrive: string | undefined;
}

const machine: DiskFacts = {
  platform: process.platform,
  fileSystemType: async (folder) => (await statfs(folder)).type,
  device: async (folder) => (await stat(folder)).dev,
  home: homedir(),
  systemDrive: process.env.SystemDrive,
};

/**
 * Whether `folder` is on a disk known to be local: on Linux a file system that is not a network,
 * cluster or FUSE one; on macOS the home folder's volume (SMB, NFS, WebDAV and macFUSE mounts live
 * on others); on Windows the system drive (a mapped share is a drive letter too). Anything else,
 * or a folder the system cannot describe, is not assumed local.
 */
export async function onLocalDisk(folder: string, facts: DiskFacts = machine): Promise<boolean> {
  try {
    if (facts.platform === 'linux') return !remoteFileSystems.has((await facts.fileSystemType(folder)) >>> 0);
    if (facts.platform === 'darwin') return (await facts.device(folder)) === (await facts.device(facts.home));
    if (facts.platform === 'win32') {
      const drive = facts.systemDrive?.toUpperCase();
      return drive !== undefined && path.win32.resolve(folder).toUpperCase().startsWith(`${drive}\\`);
    }
    return false;
  } catch {
    return false;
  }
}

export interface DiskWritesOptions {
  /** A write slower than this is a strike against its device (the thread may only have been preempted). */
  slowWriteMs: number;
  /** Strikes within `strikeWindow` writes after which the device's writes go to the pool (a throttled or slow disk is slow again and again). */
  maxSlowWrites: number;
  /** Strikes older than this many writes are forgotten: a few slow writes per GiB must not add up over a session. */
  strikeWindow: number;
  /** One write (or failed write) slower than this sends the device's later writes to the pool at once (the event loop's budget). */
  stallWriteMs: number;
  isLocal: (folder: string) => Promise<boolean>;
  /** Which disk a folder is on: the verdict and the strikes are per device. */
  device: (folder: string) => Promise<number>;
  now: () => number;
}

export const defaultDiskWritesOptions: DiskWritesOptions = {
  slowWriteMs: 10,
  maxSlowWrites: 4,
  strikeWindow: 4096,
  stallWriteMs: 50,
  isLocal: (folder) => onLocalDisk(folder),
  device: machine.device,
  now: () => performance.now(),
};

/** How many writes ran on the calling thread and through the pool (tests check the path taken). */
export interface DiskWriteCounts {
  inline: number;
  pooled: number;
}

/**
 * Where a download's bytes are copied into the page cache on the calling thread (`writeSync`)
 * instead of through the thread pool. Measured with `npm run bench:download -- --baseline` (1 GiB
 * in 64 KiB writes, 16,384 of them; 2026-12-04, load ~2, A/B in one run): 1.88 → 1.62 s and
 * 1.83 → 1.23 CPU-s (6 reps), 1.58 → 1.36 s and 1.36 → 0.93 CPU-s (3 reps; rclone 1.47 s). Each
 * pooled write paid a hand-off to a worker thread and back (futex wake-ups, an eventfd, a loop
 * turn: perf showed more CPU there than in the copy itself), and the copy ran on another core,
 * away from the cache the socket read had just filled. Larger pooled writes were slower still
 * (256 KiB: 1.80 s, 1 MiB: 2.61 s).
 *
 * A 64 KiB copy into the page cache takes tens of microseconds, so the event loop never waits
 * long on one — except where the kernel makes writes wait: a disk slower than the network
 * (dirty-page throttling pauses a writer up to 200 ms), a failing disk, a network share. So writes
 * run inline only on a disk known to be local (`onLocalDisk`, asked of the file's own folder, so a
 * share mounted inside the chosen folder is seen), and once writes to that device turn slow — one
 * over `stallWriteMs`, or `maxSlowWrites` over `slowWriteMs` within `strikeWindow` writes — every
 * later write to it goes to the pool for the rest of the session. One strike is not enough: on
 * this machine under load a few writes per GiB take 2–11 ms (the thread preempted, a page
 * reclaimed), and a single 10 ms one turned the fast path off in one bench run of three. What it
 * cannot bound is the one write that first stalls: that one the event loop waits for in full.
 */
export class DiskWrites {
  /** Verdicts by folder (one statfs/stat per folder a session writes into); the state lives per device. */
  private readonly folders = new Map<string, Promise<PositionalWriter>>();
  private readonly devices = new Map<number, PositionalWriter>();
  private readonly counts: DiskWriteCounts = { inline: 0, pooled: 0 };

  constructor(private readonly options: DiskWritesOptions = defaultDiskWritesOptions) {}

  /** The writer for files in `folder` (which must exist). */
  writerFor(folder: string): Promise<PositionalWriter> {
    let verdict = this.folders.get(folder);
    if (!verdict) {
      verdict = this.judge(folder);
      // Forgetting a folder costs one more stat; the devices (and their strikes) are kept.
      if (this.folders.size >= 4096) this.folders.delete(this.folders.keys().next().value as string);
      this.folders.set(folder, verdict);
    }
    return verdict;
  }

  /** Writes so far, by path (`inlineDiskWrites` tests and benches). */
  written(): DiskWriteCounts {
    return { ...this.counts };
  }

  private async judge(folder: string): Promise<PositionalWriter> {
    const device = await this.options.device(folder).catch(() => undefined);
    if (device === undefined) return this.pooled;
    const known = this.devices.get(device);
    if (known) return known;
    const writer = (await this.options.isLocal(folder)) ? this.inline() : this.pooled;
    // Another folder of this device may have been judged meanwhile: the first verdict stands.
    const first = this.devices.get(device);
    if (first) return first;
    this.devices.set(device, writer);
    return writer;
  }

  private readonly pooled: PositionalWriter = {
    write: (handle, buffer, offset, length, position) => {
      this.counts.pooled += 1;
      return pooledWriter.write(handle, buffer, offset, length, position);
    },
  };

  private inline(): PositionalWriter {
    const { slowWriteMs, maxSlowWrites, strikeWindow, stallWriteMs, now } = this.options;
    let strikes = 0;
    let writes = 0;
    return {
      write: (handle, buffer, offset, length, position) => {
        if (strikes >= maxSlowWrites) return this.pooled.write(handle, buffer, offset, length, position);
        if (++writes > strikeWindow) {
          writes = 1;
          strikes = 0;
        }
        this.counts.inline += 1;
        const started = now();
        try {
          return writeSync(handle.fd, buffer, offset, length, position);
        } finally {
          // Measured whether the write succeeded or failed: a disk that fails slowly (retries, then EIO) is slow.
          const took = now() - started;
          if (took > stallWriteMs) strikes = maxSlowWrites;
          else if (took > slowWriteMs) strikes += 1;
        }
      },
    };
  }
}

/** The engine's (one per process, like the disks it judges). */
export const diskWrites = new DiskWrites();
