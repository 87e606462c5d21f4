import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** A temp folder with files given as relative path → size (random bytes) or content. */
export function makeTree(files: Record<string, number | string | Buffer>, label = 'tree'): { root: string; sha: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), `bucket-admin-${label}-`));
  const sha: Record<string, string> = {};
  for (const [rel, spec] of Object.entries(files)) {
    const body = typeof spec === 'number' ? randomBytes(spec) : Buffer.isBuffer(spec) ? spec : Buffer.from(spec);
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    sha[rel] = sha256(body);
  }
  return { root, sha };
}

export const sha256 = (body: Uint8Array): string => createHash('sha256').update(body).digest('hex');

/** sha256 of an object's bytes, downloaded with a plain SDK GET (not the app's engine). */
export async function objectSha256(client: S3Client, bucket: string, key: string): Promise<string> {
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: AbortSignal.timeout(30_000) });
  const hash = createHash('sha256');
  for await (const chunk of out.Body as Readable) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
