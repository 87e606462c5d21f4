import { scanField, scanListObjectsV2, scannedSize, scannedTime, scanStride, textBetween } from '../browse/list-xml';
import { bareEtag, storageClassOf, type ListedObject } from './listed-object';
import { plainEtagBytes, storableMs, storedClass, type StoredVersion } from './stored-values';

/**
 * A listing page's objects column by column, as a sync keeps them on the main thread and sends
 * them to the index worker: a handful of strings and typed arrays per page, not an object (and
 * five strings) per key. Built once per page, straight from the page's XML; what a page held in
 * flight costs the main thread's garbage collector and the structured clone to the worker is a
 * few allocations, where 1,000 objects made every scavenge copy them and every clone walk them.
 */
export interface ListedColumns {
  count: number;
  /** Every key in UTF-8, one after the other: key `i` ends at byte `keyEnds[i]` and starts where key `i - 1` ends. */
  keyBytes: Uint8Array;
  keyEnds: Uint32Array;
  sizes: Float64Array;
  /** Last-modified in ms since the epoch; NaN where the listing gave none. */
  modified: Float64Array;
  /** ETags without S3's quotes, laid out like the keys; `hasEtag[i]` is 0 where the listing gave none. */
  etagBytes: Uint8Array;
  etagEnds: Uint32Array;
  hasEtag: Uint8Array;
  /** Storage classes (never empty: a listing that names none means STANDARD), each object's by its index here. */
  classes: string[];
  classOf: Uint8Array;
}

/** Some of a page's objects: [`from`, `to`) of its columns (pieces of one page share them). */
export interface ListedRows {
  columns: ListedColumns;
  from: number;
  to: number;
}

/** A listing page as a sync reads it. */
export interface SyncListing {
  isTruncated: boolean;
  nextContinuationToken?: string;
  commonPrefixes: string[];
  objects: ListedColumns;
}

/** Key `i` of the columns. */
export function keyAt(c: ListedColumns, i: number): string {
  return utf8(c.keyBytes, i === 0 ? 0 : (c.keyEnds[i - 1] as number), c.keyEnds[i] as number);
}

/** Bytes [start, end) as UTF-8 text (a structured clone turns a Buffer into a plain Uint8Array: it is viewed as one again). */
function utf8(bytes: Uint8Array, start: number, end: number): string {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return b.toString('utf8', start, end);
}

/** Every key of the columns, in order. */
export function keysOf(c: ListedColumns): string[] {
  const keys: string[] = [];
  for (let i = 0; i < c.count; i += 1) keys.push(keyAt(c, i));
  return keys;
}

/** Object `i` as a listing reads (ISO time, ETag text): how tests compare the columns with the SDK's reading; a merge takes `storedAt`. */
export function objectAt(c: ListedColumns, i: number): ListedObject {
  const modified = c.modified[i] as number;
  return {
    key: keyAt(c, i),
    size: c.sizes[i] as number,
    etag: c.hasEtag[i] === 1 ? utf8(c.etagBytes, i === 0 ? 0 : (c.etagEnds[i - 1] as number), c.etagEnds[i] as number) : null,
    lastModified: Number.isNaN(modified) ? null : new Date(modified).toISOString(),
    storageClass: c.classes[c.classOf[i] as number] as string,
  };
}

/**
 * Object `i` in the form the index stores it (`stored-values.ts`), straight from the columns: a
 * sync merges a million of these in the worker, and making each time's ISO text only for the
 * merge to parse it back cost ~1.2 s per million.
 */
export function storedAt(c: ListedColumns, i: number): StoredVersion {
  let etag: Buffer | string | null = null;
  if (c.hasEtag[i] === 1) {
    const start = i === 0 ? 0 : (c.etagEnds[i - 1] as number);
    const end = c.etagEnds[i] as number;
    etag = plainEtagBytes(c.etagBytes, start, end) ?? utf8(c.etagBytes, start, end);
  }
  return {
    key: keyAt(c, i),
    size: c.sizes[i] as number,
    etag,
    lastModified: storableMs(c.modified[i] as number),
    storageClass: storedClass(c.classes[c.classOf[i] as number] as string),
  };
}

/** The objects of `rows`, in order, in their stored form. */
export function* rowVersions(rows: ListedRows): Generator<StoredVersion> {
  for (let i = rows.from; i < rows.to; i += 1) yield storedAt(rows.columns, i);
}

/** The bytes of the objects of `rows`. */
export function rowBytes(rows: ListedRows): number {
  let sum = 0;
  for (let i = rows.from; i < rows.to; i += 1) sum += rows.columns.sizes[i] as number;
  return sum;
}

/**
 * Builds columns an object at a time, all in one ArrayBuffer sized up front (the numbers, then
 * the keys' and ETags' bytes, then the flags): one allocation per page for the garbage collector
 * and one buffer for the clone to the worker. Keys and ETags are copied in as bytes, straight
 * from the page's body when they need no decoding: no string per key on the way.
 */
class ColumnsBuilder {
  private readonly keyBytes: Uint8Array;
  private readonly etagBytes: Uint8Array;
  private readonly keyEnds: Uint32Array;
  private readonly etagEnds: Uint32Array;
  private readonly sizes: Float64Array;
  private readonly modified: Float64Array;
  private readonly hasEtag: Uint8Array;
  private readonly classOf: Uint8Array;
  private readonly classes: string[] = [];
  private keyLength = 0;
  private etagLength = 0;
  private n = 0;

  /** At most `keyRoom` bytes of keys and `etagRoom` of ETags in all. */
  constructor(
    private readonly count: number,
    keyRoom: number,
    etagRoom: number,
  ) {
    const buffer = new ArrayBuffer(count * 24 + keyRoom + etagRoom + count * 2);
    let at = 0;
    const take = <T>(make: (offset: number) => T, bytes: number): T => {
      const view = make(at);
      at += bytes;
      return view;
    };
    this.sizes = take((o) => new Float64Array(buffer, o, count), count * 8);
    this.modified = take((o) => new Float64Array(buffer, o, count), count * 8);
    this.keyEnds = take((o) => new Uint32Array(buffer, o, count), count * 4);
    this.etagEnds = take((o) => new Uint32Array(buffer, o, count), count * 4);
    this.keyBytes = take((o) => new Uint8Array(buffer, o, keyRoom), keyRoom);
    this.etagBytes = take((o) => new Uint8Array(buffer, o, etagRoom), etagRoom);
    this.hasEtag = take((o) => new Uint8Array(buffer, o, count), count);
    this.classOf = take((o) => new Uint8Array(buffer, o, count), count);
  }

  /** Adds the next object's key, from `source` bytes [start, end) or as UTF-8 bytes of its own. */
  key(source: Uint8Array, start = 0, end = source.length): void {
    this.keyLength = append(this.keyBytes, this.keyLength, source, start, end);
    this.keyEnds[this.n] = this.keyLength;
  }

  /** Its ETag (null: none), like the key. */
  etag(source: Uint8Array | null, start = 0, end = source?.length ?? 0): void {
    if (source !== null) {
      this.etagLength = append(this.etagBytes, this.etagLength, source, start, end);
      this.hasEtag[this.n] = 1;
    }
    this.etagEnds[this.n] = this.etagLength;
  }

  /** The rest of the object, which this completes; false when the page names more storage classes than fit (it never does: S3 has about ten). */
  finish(size: number, modifiedMs: number, storageClass: string): boolean {
    const i = this.n;
    this.sizes[i] = size;
    this.modified[i] = modifiedMs;
    let c = this.classes.indexOf(storageClass);
    if (c < 0) {
      if (this.classes.length > 255) return false;
      c = this.classes.push(storageClass) - 1;
    }
    this.classOf[i] = c;
    this.n += 1;
    return true;
  }

  build(): ListedColumns {
    if (this.n !== this.count) throw new Error(`${this.n} of ${this.count} objects were added to a listing page's columns.`);
    return {
      count: this.count,
      keyBytes: this.keyBytes.subarray(0, this.keyLength),
      keyEnds: this.keyEnds,
      sizes: this.sizes,
      modified: this.modified,
      etagBytes: this.etagBytes.subarray(0, this.etagLength),
      etagEnds: this.etagEnds,
      hasEtag: this.hasEtag,
      classes: this.classes,
      classOf: this.classOf,
    };
  }
}

/** Copies bytes [start, end) of `source` to `target` at `length`; the new length. Keys are short: a loop beats a native copy's call. */
function append(target: Uint8Array, length: number, source: Uint8Array, start: number, end: number): number {
  if (length + end - start > target.length) throw new Error('A listing page’s keys or ETags outgrew the room counted for them.');
  for (let i = start; i < end; i += 1) target[length + i - start] = source[i] as number;
  return length + end - start;
}

/** UTF-8 bytes of each text, and their total. */
function encoded(texts: readonly (string | null)[]): { bytes: (Buffer | null)[]; total: number } {
  let total = 0;
  const bytes = texts.map((t) => {
    if (t === null) return null;
    const b = Buffer.from(t, 'utf8');
    total += b.length;
    return b;
  });
  return { bytes, total };
}

/** One object to put in columns: its ETag already bare, its time in ms since the epoch (NaN: none). */
interface ColumnEntry {
  key: string;
  size: number;
  etag: string | null;
  modifiedMs: number;
  storageClass: string;
}

/** Columns of objects given one by one (not from a page's bytes). */
function columnsFrom(entries: readonly ColumnEntry[]): ListedColumns {
  const keys = encoded(entries.map((e) => e.key));
  const etags = encoded(entries.map((e) => e.etag));
  const b = new ColumnsBuilder(entries.length, keys.total, etags.total);
  entries.forEach((e, i) => {
    b.key(keys.bytes[i] as Buffer);
    b.etag(etags.bytes[i] ?? null);
    if (!b.finish(e.size, e.modifiedMs, e.storageClass)) throw new Error('More than 256 storage classes in one set of columns.');
  });
  return b.build();
}

/** Columns of objects a listing gave as objects (the SDK's own reader, tests). */
export function columnsOf(
  contents: readonly { key: string; size: number; lastModified?: Date; etag?: string; storageClass?: string }[],
): ListedColumns {
  return columnsFrom(
    contents.map((o) => ({
      key: o.key,
      size: o.size,
      etag: bareEtag(o.etag),
      modifiedMs: o.lastModified ? o.lastModified.getTime() : Number.NaN,
      storageClass: storageClassOf(o.storageClass),
    })),
  );
}

/** Rows of objects as the index stores them (tests; a ListedObject's time is ISO 8601 with milliseconds, so it comes back the same). */
export function rowsOf(objects: readonly ListedObject[]): ListedRows {
  const columns = columnsFrom(
    objects.map((o) => ({
      key: o.key,
      size: o.size,
      etag: o.etag,
      modifiedMs: o.lastModified === null ? Number.NaN : Date.parse(o.lastModified),
      storageClass: o.storageClass ?? 'STANDARD',
    })),
  );
  return { columns, from: 0, to: objects.length };
}

/**
 * Reads a ListObjectsV2 page (its body's bytes) straight into columns, as `parseListObjectsV2`
 * reads it into objects (same checks; undefined for anything it cannot read exactly, for the
 * SDK to read). A key or ETag that needs no decoding is copied as it stands in the body, the
 * ETag without its quotes: no string is made per object.
 */
export function readSyncListing(bytes: Uint8Array): SyncListing | undefined {
  try {
    const scan = scanListObjectsV2(bytes);
    if (!scan) return undefined;
    const { body, fields, count } = scan;
    let keyBytes = 0;
    let etagBytes = 0;
    for (let f = 0; f < fields.length; f += scanStride) {
      keyBytes += (fields[f + scanField.key + 1] as number) - (fields[f + scanField.key] as number);
      etagBytes += Math.max(0, (fields[f + scanField.etag + 1] as number) - (fields[f + scanField.etag] as number));
    }
    // Decoding never makes text longer than its escaped form, so this is room enough.
    const b = new ColumnsBuilder(count, keyBytes, etagBytes);
    for (let f = 0; f < fields.length; f += scanStride) {
      const size = scannedSize(body, fields, f);
      const modified = scannedTime(body, fields, f);
      if (size < 0 || Number.isNaN(modified)) return undefined;
      const keyStart = fields[f + scanField.key] as number;
      const keyEnd = fields[f + scanField.key + 1] as number;
      if (escaped(body, keyStart, keyEnd)) b.key(Buffer.from(textBetween(body, keyStart, keyEnd), 'utf8'));
      else b.key(body, keyStart, keyEnd);
      addEtag(b, body, fields, f);
      if (!b.finish(size, modified ?? Number.NaN, scannedClass(body, fields, f))) return undefined;
    }
    return {
      isTruncated: scan.isTruncated,
      ...(scan.nextContinuationToken ? { nextContinuationToken: scan.nextContinuationToken } : {}),
      commonPrefixes: scan.commonPrefixes,
      objects: b.build(),
    };
  } catch {
    // decodeXmlText throws RangeError for a character reference beyond U+10FFFF.
    return undefined;
  }
}

const quot = Buffer.from('&quot;');

/** An entry's ETag without its quotes (`bareEtag` of its text), none when it has none. */
function addEtag(b: ColumnsBuilder, body: Buffer, fields: Int32Array, entry: number): void {
  const start = fields[entry + scanField.etag] as number;
  const end = fields[entry + scanField.etag + 1] as number;
  if (start < 0) return b.etag(null);
  // `&quot;…&quot;` with nothing else escaped: the inside is the bare ETag as it stands.
  if (end - start >= 2 * quot.length && startsWith(body, start, quot) && startsWith(body, end - quot.length, quot)) {
    let plain = true;
    for (let i = start + quot.length; i < end - quot.length; i += 1) {
      const c = body[i] as number;
      // An entity, or a line break, which `bareEtag`'s pattern does not strip quotes across.
      if (c === 0x26 || c === 0x0a || c === 0x0d || c >= 0x80) plain = false;
    }
    if (plain) return b.etag(body, start + quot.length, end - quot.length);
  }
  const etag = bareEtag(textBetween(body, start, end));
  b.etag(etag === null ? null : Buffer.from(etag, 'utf8'));
}

const standard = Buffer.from('STANDARD');

/** An entry's storage class as the index keeps it (STANDARD when it names none), without a new string for STANDARD. */
function scannedClass(body: Buffer, fields: Int32Array, entry: number): string {
  const start = fields[entry + scanField.storageClass] as number;
  const end = fields[entry + scanField.storageClass + 1] as number;
  if (start < 0 || (end - start === standard.length && startsWith(body, start, standard))) return 'STANDARD';
  return storageClassOf(textBetween(body, start, end));
}

/** Whether bytes [start, end) hold an entity. */
function escaped(body: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (body[i] === 0x26) return true;
  return false;
}

function startsWith(body: Uint8Array, at: number, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (body[at + i] !== bytes[i]) return false;
  return true;
}
