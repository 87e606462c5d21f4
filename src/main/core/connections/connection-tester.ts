import { ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { ConnectionTestReport } from '../../../shared/model/connection';
import { toAppError } from '../s3/s3-errors';
import type { ResolvedConnection } from './connections-service';

/**
 * "Test connection": lists the buckets, or checks the one bucket given, and reports the outcome
 * in words a person can act on (wrong key, wrong secret, clock skew, unreachable, TLS, …).
 */
export async function testConnection({ record, client }: ResolvedConnection): Promise<ConnectionTestReport> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const endpoint = record.endpoint ?? `AWS (${record.region})`;
  try {
    if (record.bucket) {
      await client.send(new ListObjectsV2Command({ Bucket: record.bucket, MaxKeys: 1 }));
      return { ok: true, buckets: [record.bucket], message: `Connected. Bucket “${record.bucket}” is reachable.`, elapsedMs: elapsed() };
    }
    const out = await client.send(new ListBucketsCommand({}));
    const buckets = (out.Buckets ?? []).flatMap((b) => (b.Name ? [b.Name] : []));
    const count = buckets.length === 1 ? '1 bucket' : `${buckets.length} buckets`;
    return { ok: true, buckets, message: `Connected. ${count} visible.`, elapsedMs: elapsed() };
  } catch (error) {
    const appError = toAppError(error, { endpoint, ...(record.bucket ? { bucket: record.bucket } : {}) });
    const message =
      appError.code === 'AccessDenied' && !record.bucket
        ? 'The credentials work but may not list buckets. Enter the bucket name in the connection and test again.'
        : appError.message;
    return { ok: false, code: appError.code, buckets: [], message, elapsedMs: elapsed() };
  }
}
