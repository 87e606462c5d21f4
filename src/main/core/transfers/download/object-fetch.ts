import { GetObjectCommand } from '@aws-sdk/client-s3';
import { bareEtag, type RunContext } from '../queue/run-context';
import { isPreconditionFailed } from '../client/s3-ops';
import type { TransferClient } from '../client/transfer-client';
import type { TransferItem } from '../queue/transfer-item';

/** What a finished download knows about the object it fetched. */
export interface FetchedObject {
  size: number;
  etag: string;
  lastModified?: Date;
  encrypted: boolean;
  /** MD5 of the bytes, when computed while streaming. */
  md5?: string;
}

export const changedNotice = 'The object changed in the bucket since it was chosen; its current version was downloaded.';

/**
 * GetObject (optionally a range) with If-Match on the ETag the item expects; when the object
 * changed, the item takes the new version (and says so) instead of mixing two versions.
 */
export async function getObject(item: TransferItem, tc: TransferClient, ctx: RunContext, range: string | undefined) {
  const send = (ifMatch: string | null) =>
    tc.client.send(
      new GetObjectCommand({
        Bucket: item.bucket,
        Key: item.key,
        ...(range ? { Range: range } : {}),
        ...(ifMatch ? { IfMatch: `"${ifMatch}"` } : {}),
      }),
      { abortSignal: ctx.signal },
    );
  let out;
  try {
    out = await send(item.remoteEtag);
  } catch (error) {
    if (!isPreconditionFailed(error) || range) throw error;
    item.notice = changedNotice;
    out = await send(null);
  }
  const etag = bareEtag(out.ETag);
  if (!range && etag && item.remoteEtag !== etag) {
    item.remoteEtag = etag;
    ctx.resize(item, out.ContentLength ?? item.size);
    ctx.journal.saveSource(item);
  }
  const encrypted =
    out.ServerSideEncryption === 'aws:kms' || out.ServerSideEncryption === 'aws:kms:dsse' || Boolean(out.SSECustomerAlgorithm);
  return {
    Body: out.Body,
    etag,
    encrypted,
    contentLength: out.ContentLength ?? 0,
    ...(out.LastModified ? { lastModified: out.LastModified } : {}),
  };
}
