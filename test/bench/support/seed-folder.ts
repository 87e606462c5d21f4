import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { forEachConcurrent } from '../../../src/shared/concurrency';

/** The bench's folder: 100,000 empty objects under one prefix, plus a marker once complete. */
export interface BenchFolder {
  bucket: string;
  prefix: string;
  count: number;
}

export const benchFolder: BenchFolder = { bucket: 'bench-list-100k', prefix: 'bench/', count: 100_000 };

/** The bench folder of `count` objects: the full one above, or a smaller one in a bucket of its own. */
export const benchFolderOf = (count: number): BenchFolder =>
  count === benchFolder.count ? benchFolder : { ...benchFolder, bucket: `bench-list-${count}`, count };

/** Outside the listed folder, so it never counts as a row. */
const markerKey = (f: BenchFolder) => `markers/complete-${f.count}`;

/** Key i of the folder: fixed width, so the listing order is the creation order. */
export const benchKey = (f: BenchFolder, i: number) => `${f.prefix}k${String(i).padStart(6, '0')}`;

/**
 * Whether a bench bucket is there in full: its marker (written last) exists. Creates the bucket
 * when it is missing, so the caller goes on to fill it.
 */
export async function bucketIsComplete(client: S3Client, bucket: string, marker: string): Promise<boolean> {
  const exists = await client.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    return false;
  }
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: marker })).then(
    () => true,
    () => false,
  );
}

/**
 * Makes sure the folder exists in full: reuses it when the marker is there (a previous run on
 * the same gateway), otherwise creates the missing objects with `concurrency` PUTs in flight.
 */
export async function ensureBenchFolder(
  client: S3Client,
  f: BenchFolder,
  log: (line: string) => void,
  concurrency = 48,
): Promise<'reused' | 'created'> {
  if (await bucketIsComplete(client, f.bucket, markerKey(f))) return 'reused';
  const started = performance.now();
  let done = 0;
  let lastLog = 0;
  await forEachConcurrent(Array.from({ length: f.count }).keys(), concurrency, async (i) => {
    await client.send(new PutObjectCommand({ Bucket: f.bucket, Key: benchKey(f, i), Body: new Uint8Array(0) }));
    done += 1;
    const now = performance.now();
    if (now - lastLog > 5000 || done === f.count) {
      lastLog = now;
      const rate = done / ((now - started) / 1000);
      log(
        `  seeding ${done.toLocaleString('en-US')} / ${f.count.toLocaleString('en-US')} objects (${Math.round(rate)}/s, ~${Math.round((f.count - done) / rate)} s left)`,
      );
    }
  });
  await client.send(new PutObjectCommand({ Bucket: f.bucket, Key: markerKey(f), Body: `${f.count} objects under ${f.prefix}` }));
  log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'created';
}
