import { AppError } from '../../../../shared/errors';
import { bareEtag, storageClassOf, type ListedObject } from '../listed-object';

/** One inventory row by field name (`Key`, `Size`, …): strings from CSV, typed values from Parquet. */
export type InventoryRecord = Readonly<Record<string, unknown>>;

/**
 * A row as the index stores it, or null for a row that is not a live object (an older version or
 * a delete marker in an inventory of all versions). `csv`: keys in CSV inventories are URL-encoded
 * (form encoding: a space may be "+", a plus is "%2B"). Pure.
 */
export function listedFromInventory(record: InventoryRecord, csv: boolean): ListedObject | null {
  if (isTrue(record.IsDeleteMarker)) return null;
  if (record.IsLatest !== undefined && record.IsLatest !== null && record.IsLatest !== '' && !isTrue(record.IsLatest)) return null;
  const rawKey = text(record.Key);
  if (rawKey === null) throw new AppError('InvalidInput', 'An inventory row has no key. The file may be damaged: import the next report.');
  const key = csv ? decodeKey(rawKey) : rawKey;
  // An empty field is no size (Number('') would be 0).
  const size = text(record.Size) === null ? NaN : Number(record.Size);
  if (!Number.isSafeInteger(size) || size < 0)
    throw new AppError('InvalidInput', `The inventory row of “${key}” has no valid size. The file may be damaged: import the next report.`);
  return {
    key,
    size,
    etag: bareEtag(text(record.ETag)),
    lastModified: isoTime(record.LastModifiedDate),
    storageClass: 'StorageClass' in record ? storageClassOf(text(record.StorageClass)) : null,
  };
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return null;
  const s = typeof value === 'string' ? value : value.toString();
  return s === '' ? null : s;
}

function decodeKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    throw new AppError(
      'InvalidInput',
      `An inventory key is not URL-encoded as S3 writes it (“${encoded.slice(0, 80)}”). Import the next report.`,
    );
  }
}

/** S3's times as the index keeps them (ISO 8601, UTC, milliseconds), from CSV text or a Parquet timestamp. */
function isoTime(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'bigint' || typeof value === 'number'
        ? Number(value)
        : Date.parse(value as string);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
