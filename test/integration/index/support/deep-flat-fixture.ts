import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { forEachConcurrent } from '../../../../src/shared/concurrency';

/** A bucket kept between runs (the gateway keeps it): deep folders, and one flat folder of 20,000 keys. */
export const deepFlatBucket = 'index-fixture-deep-flat-v1';
const marker = 'zz-fixture/complete';

/** Every key of the fixture, in no particular order. */
export function deepFlatKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 4; j++) for (let k = 0; k < 3; k++) for (let n = 0; n < 10; n++) keys.push(`deep/d${i}/s${j}/t${k}/f${n}.txt`);
  for (let i = 0; i < 30; i++) for (let n = 0; n < 10; n++) keys.push(`media/album-${i}/photo ${n}.jpg`);
  for (let n = 0; n < 20_000; n++) keys.push(`flat/item-${String(n).padStart(5, '0')}.bin`);
  keys.push('top-level.txt', marker);
  return keys;
}

/** Creates the fixture unless an earlier run left it complete (its marker is written last). */
export async function ensureDeepFlatBucket(client: S3Client): Promise<string[]> {
  const keys = deepFlatKeys();
  const complete = await client.send(new HeadObjectCommand({ Bucket: deepFlatBucket, Key: marker })).then(
    () => true,
    () => false,
  );
  if (complete) return keys;
  await client.send(new CreateBucketCommand({ Bucket: deepFlatBucket })).catch((error: unknown) => {
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  });
  // Many small PUTs in flight: the gateway is latency-bound, not busy, with few.
  await forEachConcurrent(
    keys.filter((k) => k !== marker),
    64,
    async (Key) => {
      await client.send(new PutObjectCommand({ Bucket: deepFlatBucket, Key, Body: 'x'.repeat(Key.length % 7) }));
    },
  );
  await client.send(new PutObjectCommand({ Bucket: deepFlatBucket, Key: marker, Body: 'done' }));
  return keys;
}
