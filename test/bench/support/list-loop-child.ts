// Child process of `npm run bench:index`: the bare sequential listing a sync must beat — one
// ListObjectsV2 request after another with the SDK, each page's keys counted and dropped.
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { makeS3Client } from '../../../src/main/local-gateway/s3-client';
import { runBenchChild } from './bench-child';

export interface ListLoopArgs {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
}

export interface ListLoopReport {
  objects: number;
  pages: number;
  ms: number;
}

async function main(args: ListLoopArgs): Promise<ListLoopReport> {
  const client = makeS3Client(args);
  const t0 = performance.now();
  let objects = 0;
  let pages = 0;
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: args.bucket, ContinuationToken: token }));
      objects += page.Contents?.length ?? 0;
      pages += 1;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } finally {
    client.destroy();
  }
  return { objects, pages, ms: performance.now() - t0 };
}

runBenchChild('list loop child', main);
