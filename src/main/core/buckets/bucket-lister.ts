import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { BucketSummary } from '../../../shared/model/bucket';
import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';

/** The buckets a connection can use: its one configured bucket, or all it may list. */
export async function listBuckets({ record, client }: ResolvedConnection): Promise<BucketSummary[]> {
  if (record.bucket) return [{ name: record.bucket }];
  try {
    const out = await client.send(new ListBucketsCommand({}));
    return (out.Buckets ?? [])
      .flatMap((b) => (b.Name ? [{ name: b.Name, ...(b.CreationDate ? { createdAt: b.CreationDate.toISOString() } : {}) }] : []))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    throw toAppError(error, { endpoint: record.endpoint ?? 'AWS' });
  }
}
