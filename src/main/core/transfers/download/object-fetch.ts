import type { GetResponse } from '../client/get-sender';
import type { RunContext } from '../queue/run-context';
import { isPreconditionFailed } from '../client/s3-ops';
import type { TransferClient } from '../client/transfer-client';
import type { TransferItem } from '../queue/transfer-item';

/** What a finished download knows about the object it fetched. */
export interface FetchedObject {
  size: number;
  /** Bytes the write path put in the temp file (a whole GET's count; ranged downloads measure the file). */
  written?: number;
  etag: string;
  lastModified?: Date;
  encrypted: boolean;
  /** MD5 of the bytes, when computed while streaming. */
  md5?: string;
  /**
   * Read into memory, checked, then written with one call (`buffered-body.ts`): its folder was
   * checked just before the temp file was opened, and its times were set through that file.
   */
  buffered?: boolean;
}

export const changedNotice = 'The object changed in the bucket since it was chosen; its current version was downloaded.';

/** A plain MD5 ETag (not multipart `-N`, not SSE-KMS/SSE-C): the bytes can be checked against it. */
export const etagIsMd5 = (etag: string, encrypted: boolean): boolean => !encrypted && /^[0-9a-f]{32}$/.test(etag);

/**
 * GetObject (optionally a range) with If-Match on the ETag the item expects; when the object
 * changed, a whole-object GET takes the new version (and says so) instead of mixing two
 * versions. Sent by the connection's engine (`tc.gets`); the caller reads the body.
 */
export async function getObject(
  item: TransferItem,
  tc: TransferClient,
  ctx: RunContext,
  range: { start: number; end: number } | undefined,
): Promise<GetResponse> {
  const send = (ifMatch: string | null) =>
    tc.gets.get({ bucket: item.bucket, key: item.key, ...(range ? { range } : {}), ...(ifMatch ? { ifMatch } : {}) }, ctx.signal);
  let out: GetResponse;
  try {
    out = await send(item.remoteEtag);
  } catch (error) {
    if (!isPreconditionFailed(error) || range) throw error;
    item.notice = changedNotice;
    out = await send(null);
  }
  if (!range && out.etag && item.remoteEtag !== out.etag) {
    item.remoteEtag = out.etag;
    ctx.resize(item, out.contentLength);
    ctx.journal.saveSource(item);
  }
  return out;
}
