/*
 * How `objects` and `object_history` keep a version's ETag, time and storage class (index v12),
 * and the SQL that reads them back as text. Compact forms, since a million rows hold each three
 * times or more (the table and an index or two): 1,000,000 objects, 395 → ~300 MB.
 * - ETag: a plain MD5 ETag (32 hex digits, S3's for every single-part upload) as its 16 bytes, a
 *   BLOB (either case: hex digits are one number); any other (a multipart `…-N`, a server's own
 *   form, case-sensitive in HTTP) as its text, exactly. Both sides of every comparison are stored
 *   forms, so equal ETags are equal values.
 * - Last modified: milliseconds since the epoch, an INTEGER (6 bytes, where the ISO text took 24),
 *   so a date range compares numbers; read back as ISO 8601 with milliseconds, as S3 lists it.
 *   Years 0000–9999 only (what SQLite's date functions read and write): a time outside them, or
 *   one that does not parse, is kept as none on both sides.
 * - Storage class: NULL for STANDARD (S3 leaves it out of some listings for STANDARD, so readers
 *   always took a missing class as STANDARD), else its name.
 * The JavaScript and SQL forms of each rule give the same values (`stored-values.test.ts`).
 */

import type { ListedObject } from './listed-object';

const plainEtag = /^[0-9a-fA-F]{32}$/;

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the times SQLite's date functions handle. */
const firstMs = -62_167_219_200_000;
const lastMs = 253_402_300_799_999;

/** A time in ms as the index stores it: null where there is none or it is outside years 0000–9999. */
export function storableMs(ms: number): number | null {
  return Number.isNaN(ms) || ms < firstMs || ms > lastMs ? null : ms;
}

/** A version of an object in the form the index stores it (what a merge writes and compares). */
export interface StoredVersion {
  key: string;
  size: number;
  etag: Buffer | string | null;
  /** ms since the epoch. */
  lastModified: number | null;
  /** NULL for STANDARD. */
  storageClass: string | null;
}

/** A listed (or inventoried) object in its stored form. */
export function storedVersion(o: ListedObject): StoredVersion {
  return {
    key: o.key,
    size: o.size,
    etag: storedEtag(o.etag),
    lastModified: storedTime(o.lastModified),
    storageClass: storedClass(o.storageClass),
  };
}

/**
 * The stored form of an ETag given as the UTF-8 bytes [start, end) of a listing, without making
 * its text first where it is a plain one (a sync stores a million of them): the 16 bytes its hex
 * digits spell. Null where it is not plain (the caller stores its text).
 */
export function plainEtagBytes(bytes: Uint8Array, start: number, end: number): Buffer | null {
  if (end - start !== 32) return null;
  const out = Buffer.allocUnsafe(16);
  for (let i = 0; i < 16; i += 1) {
    const hi = hexValue(bytes[start + 2 * i] as number);
    const lo = hexValue(bytes[start + 2 * i + 1] as number);
    if (hi < 0 || lo < 0) return null;
    out[i] = hi * 16 + lo;
  }
  return out;
}

/** A hex digit's value (either case), -1 for any other byte. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** An ETag (without S3's quotes) as the index stores it. */
export function storedEtag(etag: string | null): Buffer | string | null {
  if (etag === null) return null;
  return plainEtag.test(etag) ? Buffer.from(etag, 'hex') : etag;
}

/** Whether two stored ETags are the same (a BLOB comes back as a Buffer, so not by ===). */
export function sameEtag(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b) === 0;
  return a === b;
}

/** An ISO 8601 time as the index stores it: ms since the epoch; null where there is none, it does not parse, or is out of range. */
export function storedTime(iso: string | null): number | null {
  if (iso === null) return null;
  return storableMs(Date.parse(iso));
}

/** A storage class as the index stores it: NULL for STANDARD. */
export function storedClass(storageClass: string | null): string | null {
  return storageClass === null || storageClass === '' || storageClass === 'STANDARD' ? null : storageClass;
}

/** SQL: the stored ETag in `column` as text, lower-case hex for the 16 bytes of a plain one. */
export const etagSql = (column: string): string => `CASE WHEN typeof(${column}) = 'blob' THEN lower(hex(${column})) ELSE ${column} END`;

/** SQL: an ETag's text (a parameter, a staged or pre-v12 column) in its stored form, as `storedEtag`. */
export const toStoredEtagSql = (text: string): string =>
  `CASE WHEN length(${text}) = 32 AND ${text} NOT GLOB '*[^0-9a-fA-F]*' THEN unhex(${text}) ELSE ${text} END`;

/** SQL: the stored time in `column` as ISO 8601 with milliseconds (`Date#toISOString`'s form). */
export const timeSql = (column: string): string => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`;

/** SQL: an ISO 8601 time's text in its stored form (ms), as `storedTime` for S3's and toISOString's forms. */
export const toStoredTimeSql = (text: string): string => `CAST(round((julianday(${text}) - 2440587.5) * 86400000.0) AS INTEGER)`;

/** SQL: the stored storage class in `column`, STANDARD where it is NULL. */
export const classSql = (column: string): string => `coalesce(${column}, 'STANDARD')`;

/** SQL: a version's listing fields from table alias `t`, as the names `IndexedObject` and friends use. */
export const versionColumnsSql = (t: string): string =>
  `${t}.key, ${t}.size, ${etagSql(`${t}.etag`)} AS etag, ${timeSql(`${t}.last_modified`)} AS lastModified, ${classSql(`${t}.storage_class`)} AS storageClass`;
