import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';

/**
 * Percent-encodes a key one path segment at a time, as S3 does: `/` stays a separator, everything
 * else outside RFC 3986's unreserved set (including ! ' ( ) *) is escaped as UTF-8.
 */
export function encodeKeyPath(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** `base` + the encoded key, with exactly one slash between them (a CDN or custom domain). */
export function joinBaseAndKey(base: string, key: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeKeyPath(key)}`;
}

/**
 * The bucket's own address as the SDK would call it for this key: the connection's endpoint,
 * region and path-style setting all apply, so it matches what a presigned URL points at.
 */
export async function bucketBaseUrl(client: S3Client, bucket: string, key: string): Promise<string> {
  const endpoint = await getEndpointFromInstructions({ Bucket: bucket, Key: key }, GetObjectCommand, client.config);
  return endpoint.url.href;
}

/** The plain (anonymous) URL of an object at the S3 endpoint itself. */
export async function endpointObjectUrl(client: S3Client, bucket: string, key: string): Promise<string> {
  return joinBaseAndKey(await bucketBaseUrl(client, bucket, key), key);
}

/**
 * The address without its query: what the ledger keeps. For a presigned URL this drops the
 * credential scope, date and signature, so the ledger never holds a usable link.
 */
export function unsignedResource(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
