import { AppError } from '../../../shared/errors';
import type { ListPage } from '../../../shared/model/bucket';
import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';
import { listObjectsV2Fast } from './fast-list-objects';
import { buildEntries } from './listing-entries';

export interface ListRequest {
  bucket: string;
  prefix: string;
  continuationToken?: string;
  pageSize?: number;
}

/**
 * One page of a folder (Delimiter '/'): common prefixes as folders, objects as files. Only
 * ListObjectsV2 is sent, never a HEAD per row; the inspector asks for details on its own.
 * Pages are read with the fast ListObjectsV2 reader: listing is one page after another, so
 * client time per page adds straight to the time a 100,000-object folder takes.
 */
export async function listFolderPage({ record, client }: ResolvedConnection, req: ListRequest): Promise<ListPage> {
  try {
    const out = await listObjectsV2Fast(client, {
      Bucket: req.bucket,
      Prefix: req.prefix,
      Delimiter: '/',
      MaxKeys: req.pageSize ?? 1000,
      ...(req.continuationToken ? { ContinuationToken: req.continuationToken } : {}),
    });
    return {
      prefix: req.prefix,
      entries: buildEntries(req.prefix, out),
      ...(out.isTruncated && out.nextContinuationToken ? { continuationToken: out.nextContinuationToken } : {}),
    };
  } catch (error) {
    throw folderError(toAppError(error, { bucket: req.bucket, endpoint: record.endpoint ?? 'AWS' }), req);
  }
}

/** A denial names the folder, since other folders of the same bucket may well be readable. */
function folderError(error: AppError, req: ListRequest): AppError {
  if (error.code !== 'AccessDenied') return error;
  const where = req.prefix ? `the folder “${req.prefix}” in “${req.bucket}”` : `the top of “${req.bucket}”`;
  return new AppError(
    'AccessDenied',
    `Access denied: these credentials may not list ${where}. Other folders may still open; ask the bucket's administrator for access to this one.`,
    { bucket: req.bucket, prefix: req.prefix },
  );
}
