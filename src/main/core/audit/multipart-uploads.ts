import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, ListPartsCommand } from '@aws-sdk/client-s3';
import { forEachConcurrent, mapLimit } from '../../../shared/concurrency';
import type { ReportPage, ReportRow } from '../../../shared/model/audit';
import { isAppError } from '../../../shared/errors';
import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';

/** Most uploads the report lists (then it says so); each one costs a ListParts request. */
export const maxListedUploads = 5_000;
/** ListParts requests in flight at once. */
const partsConcurrency = 8;
const dayMs = 24 * 3600 * 1000;

interface Upload {
  key: string;
  uploadId: string;
  initiated: string | null;
  parts: number;
  bytes: number;
}

/** Every incomplete multipart upload of the bucket (up to `maxListedUploads`), with its parts and bytes. */
export async function listIncompleteUploads(
  connection: ResolvedConnection,
  bucket: string,
): Promise<{ uploads: Upload[]; capped: boolean }> {
  const endpoint = connection.record.endpoint ?? 'AWS';
  const found: Array<Omit<Upload, 'parts' | 'bytes'>> = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  let capped = false;
  try {
    for (;;) {
      const out = await connection.client.send(
        new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
      );
      for (const u of out.Uploads ?? []) {
        if (!u.Key || !u.UploadId) continue;
        found.push({ key: u.Key, uploadId: u.UploadId, initiated: u.Initiated?.toISOString() ?? null });
      }
      if (found.length >= maxListedUploads) {
        capped = out.IsTruncated === true || found.length > maxListedUploads;
        found.length = Math.min(found.length, maxListedUploads);
        break;
      }
      if (!out.IsTruncated) break;
      keyMarker = out.NextKeyMarker;
      uploadIdMarker = out.NextUploadIdMarker;
      if (!keyMarker) break;
    }
  } catch (error) {
    throw toAppError(error, { bucket, endpoint });
  }
  const uploads = await mapLimit(found, partsConcurrency, async (u) => {
    let parts = 0;
    let bytes = 0;
    let marker: string | undefined;
    try {
      for (;;) {
        const out = await connection.client.send(
          new ListPartsCommand({ Bucket: bucket, Key: u.key, UploadId: u.uploadId, PartNumberMarker: marker }),
        );
        for (const p of out.Parts ?? []) {
          parts += 1;
          bytes += p.Size ?? 0;
        }
        if (!out.IsTruncated || !out.NextPartNumberMarker) break;
        marker = out.NextPartNumberMarker;
      }
    } catch (error) {
      // Aborted or completed meanwhile: it no longer costs anything; show what was counted.
      if ((error as { name?: string }).name !== 'NoSuchUpload') throw toAppError(error, { bucket, key: u.key, endpoint });
    }
    return { ...u, parts, bytes };
  });
  return { uploads, capped };
}

/** The multipart report: incomplete uploads, oldest first, with age, parts and bytes. Online only. */
export async function multipartReport(
  connection: ResolvedConnection,
  bucket: string,
  page: { offset: number; limit: number },
  now: Date,
): Promise<Omit<ReportPage, 'tookMs'>> {
  const { uploads, capped } = await listIncompleteUploads(connection, bucket);
  uploads.sort((a, b) => (a.initiated ?? '').localeCompare(b.initiated ?? '') || a.key.localeCompare(b.key));
  const rows: ReportRow[] = uploads.map((u) => ({
    key: u.key,
    uploadId: u.uploadId,
    initiated: u.initiated,
    ageDays: u.initiated ? Math.floor((now.getTime() - Date.parse(u.initiated)) / dayMs) : null,
    parts: u.parts,
    bytes: u.bytes,
  }));
  const bytes = uploads.reduce((sum, u) => sum + u.bytes, 0);
  return {
    report: 'multipartUploads',
    title: 'Incomplete multipart uploads',
    description: 'Uploads started and never completed or aborted: their parts are stored, and billed, until they are aborted.',
    columns: [
      { id: 'key', label: 'Key', kind: 'key' },
      { id: 'initiated', label: 'Started', kind: 'date' },
      { id: 'ageDays', label: 'Age (days)', kind: 'count' },
      { id: 'parts', label: 'Parts', kind: 'count' },
      { id: 'bytes', label: 'Stored', kind: 'bytes' },
      { id: 'uploadId', label: 'Upload ID', kind: 'text' },
    ],
    rows: rows.slice(page.offset, page.offset + page.limit),
    offset: page.offset,
    total: rows.length,
    figures: [
      { label: 'Incomplete uploads', value: rows.length, kind: 'count' },
      { label: 'Bytes stored in their parts', value: bytes, kind: 'bytes' },
    ],
    notes: capped
      ? [`Only the first ${maxListedUploads.toLocaleString('en-US')} uploads are listed; abort these, then refresh for more.`]
      : [],
  };
}

/** Aborts each upload; one failing does not stop the others. */
export async function abortUploads(
  connection: ResolvedConnection,
  bucket: string,
  uploads: ReadonlyArray<{ key: string; uploadId: string }>,
): Promise<{ aborted: number; failed: Array<{ key: string; uploadId: string; code: string; message: string }> }> {
  const endpoint = connection.record.endpoint ?? 'AWS';
  let aborted = 0;
  const failed: Array<{ key: string; uploadId: string; code: string; message: string }> = [];
  await forEachConcurrent(uploads, partsConcurrency, async (u) => {
    try {
      await connection.client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.key, UploadId: u.uploadId }));
      aborted += 1;
    } catch (error) {
      // Already gone is what the user wanted.
      if ((error as { name?: string }).name === 'NoSuchUpload') {
        aborted += 1;
        return;
      }
      const appError = isAppError(error) ? error : toAppError(error, { bucket, key: u.key, endpoint });
      failed.push({ key: u.key, uploadId: u.uploadId, code: appError.code, message: appError.message });
    }
  });
  return { aborted, failed };
}
