import type { TransferError } from '../../../../shared/model/transfer';
import { isAppError } from '../../../../shared/errors';
import { toAppError } from '../../s3/s3-errors';
import type { TransferItem } from './transfer-item';

/**
 * The error an item shows in the panel: our own AppErrors as they are (they already say what to
 * do), S3 and network errors in plain words, with how many tries were made before giving up.
 */
export function toTransferError(error: unknown, item: TransferItem): TransferError {
  if (isAppError(error)) return { code: error.code, message: error.message };
  const headers =
    item.spec.kind === 'upload' ? { 'Content-Type': item.spec.contentType, 'Cache-Control': item.spec.cacheControl } : undefined;
  const app = toAppError(error, { bucket: item.bucket, key: item.key, ...(headers ? { headers } : {}) });
  const tries = item.attempts > 0 ? ` (gave up after ${item.attempts + 1} tries)` : '';
  const what = item.direction === 'upload' ? `Uploading ${item.name}` : `Downloading ${item.name}`;
  return { code: app.code, message: `${what} failed: ${app.message}${tries}` };
}
