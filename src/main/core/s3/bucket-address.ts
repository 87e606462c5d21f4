import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import type { ResolvedConnection } from '../connections/connections-service';
import { joinBaseAndKey, publicUrlFor } from './public-url';

/**
 * The bucket's own address as the SDK would call it for this key (no request is made): the
 * connection's endpoint, region/partition and path-style setting all apply, as do the SDK's
 * fallbacks to path-style (dotted or non-DNS bucket names, IP-address endpoints), so it matches
 * what a presigned URL points at.
 */
export async function bucketBaseUrl(client: S3Client, bucket: string, key: string): Promise<string> {
  const endpoint = await getEndpointFromInstructions({ Bucket: bucket, Key: key }, GetObjectCommand, client.config);
  return endpoint.url.href;
}

/** The plain (anonymous) URL of an object at the S3 endpoint itself, ignoring any CDN base. */
export async function endpointObjectUrl(client: S3Client, bucket: string, key: string): Promise<string> {
  return joinBaseAndKey(await bucketBaseUrl(client, bucket, key), key);
}

/** The public URL of a key (CDN base when the connection has one), or undefined outside the public root. */
export async function publicObjectUrl({ record, client }: ResolvedConnection, bucket: string, key: string): Promise<string | undefined> {
  return publicUrlFor(record, key, await bucketBaseUrl(client, bucket, key));
}
