import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { GatewayHandle } from '../../support/s3-test-env';
import { run } from '../../../src/main/local-gateway/proc';

/** The two workloads' sizes: one big file, and many small ones. */
export interface UploadSizes {
  bigFileBytes: number;
  smallFileCount: number;
  smallFileBytes: number;
}

/** The sizes: 1 GiB, and 2,000 × 64 KiB. */
export const fullUploadSizes: UploadSizes = { bigFileBytes: 1024 ** 3, smallFileCount: 2000, smallFileBytes: 64 * 1024 };

const chunkBytes = 16 * 1024 * 1024;

/**
 * The two workloads on disk, as folders (every tool uploads a folder): `<dir>/big/` holding one
 * big file and `<dir>/small/` holding the small ones; reused when complete. One `dir` per sizes.
 */
export function ensureUploadData(dir: string, sizes: UploadSizes, log: (line: string) => void): { big: string; small: string } {
  const big = join(dir, 'big', 'big.bin');
  const small = join(dir, 'small');
  mkdirSync(join(dir, 'big'), { recursive: true });
  mkdirSync(small, { recursive: true });
  if (!existsSync(big) || statSync(big).size !== sizes.bigFileBytes) {
    log(`Writing ${big} (${formatBytes(sizes.bigFileBytes)} of random bytes)`);
    const fd = openSync(big, 'w');
    try {
      // Fresh random bytes for every 16 MiB: no two parts alike, nothing a server could dedupe.
      for (let written = 0; written < sizes.bigFileBytes; written += chunkBytes)
        writeSync(fd, randomBytes(Math.min(chunkBytes, sizes.bigFileBytes - written)));
    } finally {
      closeSync(fd);
    }
  }
  if (readdirSync(small).length !== sizes.smallFileCount) {
    log(`Writing ${sizes.smallFileCount} files of ${formatBytes(sizes.smallFileBytes)} under ${small}`);
    for (let i = 0; i < sizes.smallFileCount; i += 1) {
      const fd = openSync(join(small, `f${String(i).padStart(4, '0')}.bin`), 'w');
      writeSync(fd, randomBytes(sizes.smallFileBytes));
      closeSync(fd);
    }
  }
  return { big: join(dir, 'big'), small };
}

/** 1 GiB, 20 MiB, 64 KiB: for the log. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} B`;
}

/** Deletes every object under `prefix` (1,000 per request); returns how many there were. */
export async function emptyPrefix(client: S3Client, bucket: string, prefix: string): Promise<number> {
  let count = 0;
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length === 0) return count;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
    count += keys.length;
  }
}

/** Frees deleted data at once (memstore holds it in RAM until RGW's garbage collector runs). */
export async function collectGarbage(handle: GatewayHandle): Promise<void> {
  await run('radosgw-admin', ['-c', join(handle.dataDir, 'ceph.conf'), 'gc', 'process', '--include-all'], 120_000);
}
