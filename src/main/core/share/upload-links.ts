import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { AppError } from '../../../shared/errors';
import type { ShareWarning } from '../../../shared/model/share';
import { bucketCheck, missingBucketWarning, probeObject } from './object-probe';
import { presignPut } from './presign';

/** S3 replaces this in a POST's `key` field with the uploaded file's own name. */
export const filenameVariable = '${filename}';

export interface PostUploadSpec {
  bucket: string;
  target: { type: 'object'; key: string } | { type: 'prefix'; prefix: string };
  minBytes: number;
  maxBytes: number;
  contentType?: string;
  seconds: number;
}

/**
 * A presigned POST policy: `content-length-range`, then either `{key}` (exact) or
 * `starts-with $key <prefix>` (the form's key is `<prefix>${filename}`), and an exact Content-Type
 * when asked. `success_action_status=201` makes S3 answer with an XML receipt (bucket, key, ETag).
 */
export async function presignPostUpload(client: S3Client, spec: PostUploadSpec): Promise<{ url: string; fields: Record<string, string> }> {
  if (spec.target.type === 'object' && spec.target.key.includes(filenameVariable)) {
    throw new AppError(
      'InvalidInput',
      `An exact key cannot contain ${filenameVariable}; choose a folder (prefix) upload to let the file name decide.`,
    );
  }
  const key = spec.target.type === 'object' ? spec.target.key : `${spec.target.prefix}${filenameVariable}`;
  const fields: Record<string, string> = {
    success_action_status: '201',
    ...(spec.contentType ? { 'Content-Type': spec.contentType } : {}),
  };
  // createPresignedPost adds an exact-match condition for every field, and starts-with for a
  // key ending in ${filename}; the size range is ours to add.
  const post = await createPresignedPost(client, {
    Bucket: spec.bucket,
    Key: key,
    Conditions: [['content-length-range', spec.minBytes, spec.maxBytes]],
    Fields: fields,
    Expires: spec.seconds,
  });
  // The key first, as S3 reads fields in order and the key names everything after it.
  const { key: formKey = key, ...rest } = post.fields;
  return { url: post.url, fields: { key: formKey, ...rest } };
}

/** A presigned PUT for one key, and the headers the uploader must send with it. */
export async function presignPutUpload(
  client: S3Client,
  spec: { bucket: string; key: string; contentType?: string; seconds: number; signingDate: Date },
): Promise<{ url: string; headers: Record<string, string> }> {
  const url = await presignPut(client, spec);
  return { url, headers: spec.contentType ? { 'Content-Type': spec.contentType } : {} };
}

/**
 * Warnings before handing out an upload link: an exact key that already exists will be replaced,
 * and anything uploaded under the public root may be served to the world.
 */
export async function uploadWarning(
  client: S3Client,
  bucket: string,
  target: { type: 'object' | 'prefix'; key: string },
  publicRoot: string,
): Promise<ShareWarning | undefined> {
  if (target.key.startsWith(publicRoot)) {
    return {
      code: 'PublicTarget',
      message: `Uploads land under the public folder “${publicRoot}”: if the bucket serves it to everyone, anyone could download what is sent. Prefer a folder under the private root.`,
    };
  }
  if (target.type !== 'object') return (await bucketCheck(client, bucket)()) ? undefined : missingBucketWarning(bucket);
  const probe = await probeObject(client, bucket, target.key);
  if (probe.warning?.code === 'NoSuchBucket') return probe.warning;
  return probe.facts
    ? {
        code: 'WillOverwrite',
        message: `“${target.key}” already exists (${probe.facts.size} bytes); an upload through this link replaces it.`,
      }
    : undefined;
}
