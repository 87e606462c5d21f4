import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** Writes `files` (relative path → bytes) under `root`; returns the same map for checking. */
export function writeTree(root: string, files: Record<string, Buffer>): Record<string, Buffer> {
  for (const [rel, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), bytes);
  }
  return files;
}

/** Random bytes, so a wrong part order or a missing range changes the hash. */
export function randomFile(size: number): Buffer {
  return randomBytes(size);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Downloads an object with the SDK and hashes it; also returns its headers. */
export async function fetchObject(
  client: S3Client,
  bucket: string,
  key: string,
): Promise<{ sha: string; size: number; cacheControl: string | undefined; contentType: string | undefined }> {
  const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: AbortSignal.timeout(30_000) });
  const bytes = await got.Body?.transformToByteArray();
  if (!bytes) throw new Error(`No body for ${key}`);
  return { sha: sha256(bytes), size: bytes.length, cacheControl: got.CacheControl, contentType: got.ContentType };
}

export async function exists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: AbortSignal.timeout(15_000) });
    return true;
  } catch {
    return false;
  }
}

/** What an anonymous reader gets (path-style URL on the gateway): 200 when public, 403 when not. */
export async function anonymousStatus(endpoint: string, bucket: string, key: string): Promise<number> {
  const url = `${endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  await response.arrayBuffer();
  return response.status;
}
