import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { forEachConcurrent } from '../../../src/shared/concurrency';
import { bucketIsComplete } from './seed-folder';

/**
 * The bucket `npm run bench:index` syncs: `count` small objects laid out like a media bucket, so
 * the sync's planner meets what it meets in life. 60 % in deep dated folders
 * (`public/media/2021/07/cam-3/IMG_….jpg`), 20 % in 400 customer folders under `private/`, 20 % in
 * one flat folder (`public/thumbs/`, the case only sampled split points can cut). Bodies are 0–250
 * bytes, so sizes differ and objects of one size are duplicates (the same ETag). Kept between
 * runs: a marker written last says the bucket is complete.
 */
export interface IndexBenchBucket {
  bucket: string;
  count: number;
}

export const indexBenchBucketOf = (count: number): IndexBenchBucket => ({ bucket: `bench-index-${count}`, count });

const markerKey = 'zz-bench/complete';
const exts = ['jpg', 'mov', 'png', 'mp4', 'wav', 'webp'];
const docs = ['invoice', 'contract', 'master', 'proxy', 'render', 'draft'];

/** Key `i` of the bucket (deterministic, so a rerun finds the same keys). */
export function indexBenchKey(i: number): string {
  const n = String(i).padStart(7, '0');
  const slot = i % 10;
  if (slot < 6)
    return `public/media/${2019 + (i % 8)}/${String(1 + (i % 12)).padStart(2, '0')}/cam-${i % 5}/IMG_${n}.${exts[i % exts.length]}`;
  if (slot < 8) return `private/customer-${String(i % 400).padStart(3, '0')}/${docs[i % docs.length]}-${n}.pdf`;
  return `public/thumbs/t${n}.webp`;
}

/** The body of object `i`: 0–250 bytes. */
const bodyOf = (i: number, zeros: Uint8Array) => zeros.subarray(0, i % 251);

/**
 * Makes sure the bucket holds all `count` objects: reused when its marker is there, else every
 * object is put again (a PUT of the same bytes is harmless) with many small PUTs in flight.
 */
export async function ensureIndexBenchBucket(
  client: S3Client,
  b: IndexBenchBucket,
  log: (line: string) => void,
  concurrency = 64,
): Promise<'reused' | 'created'> {
  if (await bucketIsComplete(client, b.bucket, markerKey)) return 'reused';
  const zeros = new Uint8Array(251);
  const started = performance.now();
  let done = 0;
  let lastLog = started;
  await forEachConcurrent(Array.from({ length: b.count }).keys(), concurrency, async (i) => {
    await client.send(new PutObjectCommand({ Bucket: b.bucket, Key: indexBenchKey(i), Body: bodyOf(i, zeros) }));
    done += 1;
    const now = performance.now();
    if (now - lastLog > 10_000) {
      lastLog = now;
      const rate = done / ((now - started) / 1000);
      log(
        `  seeding ${done.toLocaleString('en-US')} / ${b.count.toLocaleString('en-US')} (${Math.round(rate)}/s, ~${Math.round((b.count - done) / rate)} s left)`,
      );
    }
  });
  await client.send(new PutObjectCommand({ Bucket: b.bucket, Key: markerKey, Body: `${b.count} objects` }));
  log(`  seeded ${b.count.toLocaleString('en-US')} objects in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return 'created';
}
