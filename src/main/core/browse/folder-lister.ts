import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { ListEntry, ListPage } from '../../../shared/model/bucket';
import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';

export interface ListRequest {
  bucket: string;
  prefix: string;
  continuationToken?: string;
  pageSize?: number;
}

/**
 * One page of a folder: common prefixes as folders, objects as files. The zero-byte `folder/`
 * placeholder that consoles create is the folder itself, so it is not shown inside itself.
 */
export async function listFolderPage({ record, client }: ResolvedConnection, req: ListRequest): Promise<ListPage> {
  try {
    const out = await client.send(
      new ListObjectsV2Command({
        Bucket: req.bucket,
        Prefix: req.prefix,
        Delimiter: '/',
        MaxKeys: req.pageSize ?? 1000,
        ...(req.continuationToken ? { ContinuationToken: req.continuationToken } : {}),
      }),
    );
    const folders: ListEntry[] = (out.CommonPrefixes ?? []).flatMap((p) =>
      p.Prefix ? [{ kind: 'folder' as const, key: p.Prefix, name: p.Prefix.slice(req.prefix.length) }] : [],
    );
    const objects: ListEntry[] = (out.Contents ?? []).flatMap((o) =>
      o.Key && o.Key !== req.prefix
        ? [
            {
              kind: 'object' as const,
              key: o.Key,
              name: o.Key.slice(req.prefix.length),
              size: o.Size ?? 0,
              ...(o.LastModified ? { lastModified: o.LastModified.toISOString() } : {}),
              ...(o.ETag ? { etag: o.ETag } : {}),
              ...(o.StorageClass ? { storageClass: o.StorageClass } : {}),
            },
          ]
        : [],
    );
    return {
      prefix: req.prefix,
      entries: [...folders, ...objects],
      ...(out.IsTruncated && out.NextContinuationToken ? { continuationToken: out.NextContinuationToken } : {}),
    };
  } catch (error) {
    throw toAppError(error, { bucket: req.bucket, endpoint: record.endpoint ?? 'AWS' });
  }
}
