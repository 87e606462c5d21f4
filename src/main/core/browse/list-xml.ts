/** What a ListObjectsV2 answer holds, as the folder listing needs it. */
export interface ParsedListing {
  isTruncated: boolean;
  nextContinuationToken?: string;
  commonPrefixes: string[];
  contents: { key: string; size: number; lastModified?: Date; etag?: string; storageClass?: string }[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: the five named entities and numeric character references. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-z]{2,4}));/g, (whole, hex?: string, dec?: string, named?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return (named && entities[named]) ?? whole;
  });
}

/** The document's start: an optional XML declaration, then the root element (its attributes, e.g. xmlns, allowed). */
const rootOpen = /^\s*(?:<\?xml[^>]*\?>\s*)?<ListBucketResult(?:\s[^<>]*)?>/;
/** How much of the body the start is looked for in (a longer declaration or root tag is left to the SDK). */
const headBytes = 1024;
/** ASCII letter or digit: the names of S3's elements use nothing else. */
function isNameByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Where each field of a `<Contents>` entry's text lies in `ListingScan.fields`: its start, then its end. */
export const scanField = { key: 0, size: 2, lastModified: 4, etag: 6, storageClass: 8 } as const;
/** Numbers per entry in `ListingScan.fields`. */
export const scanStride = 10;

/**
 * A ListObjectsV2 body read in one pass over its bytes, as offsets: what `parseListObjectsV2`
 * and the index sync's columnar reader both build their pages from, so neither makes a string or
 * an object it does not keep (the body is never one string: a page's text, ~300 KB, would be
 * allocated straight into V8's large-object space, which only a full mark-compact frees).
 * `fields` holds, per `<Contents>`, the [start, end) of each field's bytes (-1, -1 when the entry
 * has no such element): see `scanField`. Valid until the next scan (its arrays are reused).
 */
export interface ListingScan {
  body: Buffer;
  isTruncated: boolean;
  nextContinuationToken?: string;
  commonPrefixes: string[];
  count: number;
  fields: Int32Array;
}

/**
 * Reads a ListObjectsV2 `ListBucketResult` document. S3 escapes all text, so element names only
 * ever appear as markup and a scan by tag is exact; this is many times faster than the SDK's
 * general XML deserializer on 1,000-key pages, which makes the listing CPU-light on a busy
 * machine. Returns undefined, never throws, for anything it cannot read exactly: markup other
 * than plain elements, a malformed or truncated body, an entity that names no character, or a
 * value of the wrong shape (an entry without a key, a size that is not a whole number, a date
 * that does not parse). The caller then hands the body to the SDK's own parser.
 */
export function parseListObjectsV2(body: string | Uint8Array): ParsedListing | undefined {
  try {
    const scan = scanListObjectsV2(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    return scan ? readListing(scan) : undefined;
  } catch {
    // decodeXmlText throws RangeError for a character reference beyond U+10FFFF.
    return undefined;
  }
}

function readListing(scan: ListingScan): ParsedListing | undefined {
  const { body, fields } = scan;
  const contents: ParsedListing['contents'] = [];
  for (let i = 0, f = 0; i < scan.count; i += 1, f += scanStride) {
    const size = scannedSize(body, fields, f);
    const lastModified = scannedTime(body, fields, f);
    if (size < 0 || Number.isNaN(lastModified)) return undefined;
    const etag = scannedText(body, fields, f + scanField.etag);
    const storageClass = scannedText(body, fields, f + scanField.storageClass);
    contents.push({
      key: scannedText(body, fields, f + scanField.key) as string,
      size,
      ...(lastModified !== undefined ? { lastModified: new Date(lastModified) } : {}),
      ...(etag ? { etag } : {}),
      ...(storageClass ? { storageClass } : {}),
    });
  }
  return {
    isTruncated: scan.isTruncated,
    ...(scan.nextContinuationToken ? { nextContinuationToken: scan.nextContinuationToken } : {}),
    commonPrefixes: scan.commonPrefixes,
    contents,
  };
}

/** The decoded text of the field whose offsets start at `fields[at]`, or undefined when the entry has none. */
function scannedText(body: Buffer, fields: Int32Array, at: number): string | undefined {
  const start = fields[at] as number;
  if (start < 0) return undefined;
  return textBetween(body, start, fields[at + 1] as number);
}

/** An entry's Size (0 when it has none), or -1 when it is not a whole number of at most 16 digits. */
export function scannedSize(body: Uint8Array, fields: Int32Array, entry: number): number {
  const start = fields[entry + scanField.size] as number;
  if (start < 0) return 0;
  const end = fields[entry + scanField.size + 1] as number;
  if (end === start || end - start > 16) return -1;
  let n = 0;
  for (let i = start; i < end; i += 1) {
    const d = (body[i] as number) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  // Past 2^53 a digit at a time can round differently from the one rounding Number() does.
  return end - start > 15 ? Number(Buffer.from(body.buffer, body.byteOffset + start, end - start).toString('latin1')) : n;
}

/**
 * An entry's LastModified in ms since the epoch: undefined when it has none (or it is empty),
 * NaN when it does not parse. S3's own form (2026-11-21T10:00:00.123Z) is read from the bytes;
 * any other goes through Date.parse, as before.
 */
export function scannedTime(body: Buffer, fields: Int32Array, entry: number): number | undefined {
  const start = fields[entry + scanField.lastModified] as number;
  if (start < 0) return undefined;
  const end = fields[entry + scanField.lastModified + 1] as number;
  if (end === start) return undefined;
  if (end - start === 24) {
    const ms = isoMillis(body, start);
    if (ms !== undefined) return ms;
  }
  const text = textBetween(body, start, end);
  return text ? Date.parse(text) : undefined;
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` at `at` in ms since the epoch, or undefined for anything else (Date.parse reads that). */
function isoMillis(b: Uint8Array, at: number): number | undefined {
  if (b[at + 4] !== 0x2d || b[at + 7] !== 0x2d || b[at + 10] !== 0x54 || b[at + 13] !== 0x3a || b[at + 16] !== 0x3a) return undefined;
  if (b[at + 19] !== 0x2e || b[at + 23] !== 0x5a) return undefined;
  const year = digits(b, at, 4);
  const month = digits(b, at + 5, 2);
  const day = digits(b, at + 8, 2);
  const hour = digits(b, at + 11, 2);
  const minute = digits(b, at + 14, 2);
  const second = digits(b, at + 17, 2);
  const milli = digits(b, at + 20, 3);
  // Out-of-range parts (month 13, hour 25) are Date.parse's to reject, as before; Date.UTC reads years below 100 as 19xx.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59)
    return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The number `n` ASCII digits at `at` spell, or -1000 when one is not a digit (out of every range checked). */
function digits(b: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i += 1) {
    const d = (b[i] as number) - 0x30;
    if (d < 0 || d > 9) return -1000;
    v = v * 10 + d;
  }
  return v;
}

/** The text of bytes [start, end), entities decoded. */
export function textBetween(body: Buffer, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i += 1) {
    const c = body[i] as number;
    if (c === 0x26) return decodeXmlText(body.toString('utf8', start, end));
    if (c >= 0x80) ascii = false;
  }
  return body.toString(ascii ? 'latin1' : 'utf8', start, end);
}

/** True when the `len` bytes at `at` spell `name` (ASCII). */
function named(b: Uint8Array, at: number, len: number, name: string): boolean {
  if (len !== name.length) return false;
  for (let i = 0; i < len; i += 1) if (b[at + i] !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * The scan's working arrays, kept from page to page (a 1,000-key page needs 40 KB of offsets):
 * a scan's `fields` are valid until the next scan, which is why its readers use them at once.
 */
const scratch = { stack: new Int32Array(3 * 16), fields: new Int32Array(scanStride * 1000) };

/**
 * The one pass over a page: checks it is a ListBucketResult made only of plain, balanced
 * `<Name>…</Name>` elements with nothing after the root (anything else, a comment, CDATA, an
 * attribute, a self-closing or unclosed element, a truncated body, is left to the SDK's general
 * parser: undefined), and notes where each field the listing needs lies. A byte loop and offsets
 * rather than a regex, a string or a substring per tag: this runs over every page listed, on the
 * main thread. Fields are the first of their name directly inside their parent; a field with
 * elements inside it is not a plain value, and leaves the page to the SDK.
 */
export function scanListObjectsV2(bytes: Uint8Array): ListingScan | undefined {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = rootOpen.exec(b.toString('latin1', 0, Math.min(b.length, headBytes)));
  if (!head) return undefined;
  const length = b.length;
  // The open elements below the root, three numbers each: where the name starts, its length, where its text starts.
  let stack = scratch.stack;
  let depth = 0;
  let fields = scratch.fields;
  let count = 0;
  let truncated: string | undefined;
  let token: string | undefined;
  const commonPrefixes: string[] = [];
  let prefix: string | undefined;
  /** What the open element at depth 1 is: its children at depth 2 are read only inside these two. */
  let parent: 'contents' | 'prefixes' | 'other' = 'other';
  /** The element being closed had no element inside it. */
  let lastWasOpen = false;
  let at = head[0].length;
  for (;;) {
    let lt = at;
    while (lt < length && b[lt] !== 0x3c) lt += 1;
    if (lt >= length) return undefined;
    if (b[lt + 1] !== 0x2f) {
      const nameStart = lt + 1;
      let end = nameStart;
      while (isNameByte(b[end] as number)) end += 1;
      if (end === nameStart || b[end] !== 0x3e) return undefined;
      const len = end - nameStart;
      at = end + 1;
      if (3 * depth === stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = scratch.stack = grown;
      }
      stack[3 * depth] = nameStart;
      stack[3 * depth + 1] = len;
      stack[3 * depth + 2] = at;
      depth += 1;
      lastWasOpen = true;
      if (depth !== 1) continue;
      if (named(b, nameStart, len, 'Contents')) {
        parent = 'contents';
        if ((count + 1) * scanStride > fields.length) {
          const grown = new Int32Array(fields.length * 2);
          grown.set(fields);
          fields = scratch.fields = grown;
        }
        fields.fill(-1, count * scanStride, (count + 1) * scanStride);
        count += 1;
      } else if (named(b, nameStart, len, 'CommonPrefixes')) {
        parent = 'prefixes';
        prefix = undefined;
      } else parent = 'other';
      continue;
    }
    const nameStart = lt + 2;
    if (depth === 0) {
      // Only the root is left open: this must close it, and nothing but white space may follow.
      const end = nameStart + 'ListBucketResult'.length;
      if (!named(b, nameStart, end - nameStart, 'ListBucketResult') || b[end] !== 0x3e) return undefined;
      for (let i = end + 1; i < length; i += 1) if (!isSpace(b[i] as number)) return undefined;
      if (truncated !== undefined && truncated !== 'true' && truncated !== 'false') return undefined;
      return {
        body: b,
        isTruncated: truncated === 'true',
        ...(token ? { nextContinuationToken: token } : {}),
        commonPrefixes,
        count,
        fields: fields.subarray(0, count * scanStride),
      };
    }
    depth -= 1;
    const openName = stack[3 * depth] as number;
    const len = stack[3 * depth + 1] as number;
    const textStart = stack[3 * depth + 2] as number;
    // The close tag must spell the open one's name (made of name characters only) and end there.
    for (let i = 0; i < len; i += 1) if (b[nameStart + i] !== b[openName + i]) return undefined;
    if (b[nameStart + len] !== 0x3e) return undefined;
    at = nameStart + len + 1;
    const leaf = lastWasOpen;
    lastWasOpen = false;
    if (depth === 1) {
      if (parent === 'contents') {
        const field = contentsField(b, nameStart, len);
        if (field < 0) continue;
        if (!leaf) return undefined;
        const slot = (count - 1) * scanStride + field;
        if ((fields[slot] as number) >= 0) continue;
        fields[slot] = textStart;
        fields[slot + 1] = lt;
      } else if (parent === 'prefixes' && named(b, nameStart, len, 'Prefix')) {
        if (!leaf) return undefined;
        prefix ??= textBetween(b, textStart, lt);
      }
      continue;
    }
    if (depth !== 0) continue;
    if (parent === 'contents') {
      if ((fields[(count - 1) * scanStride + scanField.key] as number) < 0) return undefined;
    } else if (parent === 'prefixes') {
      if (prefix !== undefined) commonPrefixes.push(prefix);
    } else if (named(b, nameStart, len, 'IsTruncated')) {
      if (!leaf) return undefined;
      truncated ??= textBetween(b, textStart, lt);
    } else if (named(b, nameStart, len, 'NextContinuationToken')) {
      if (!leaf) return undefined;
      token ??= textBetween(b, textStart, lt);
    }
    parent = 'other';
  }
}

/** Which field of an entry an element of `<Contents>` is (its slot in `scanField`), or -1. */
function contentsField(b: Uint8Array, at: number, len: number): number {
  switch (len) {
    case 3:
      return named(b, at, len, 'Key') ? scanField.key : -1;
    case 4:
      if (b[at] === 0x53) return named(b, at, len, 'Size') ? scanField.size : -1;
      return named(b, at, len, 'ETag') ? scanField.etag : -1;
    case 12:
      if (b[at] === 0x4c) return named(b, at, len, 'LastModified') ? scanField.lastModified : -1;
      return named(b, at, len, 'StorageClass') ? scanField.storageClass : -1;
    default:
      return -1;
  }
}

/** XML's white space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
