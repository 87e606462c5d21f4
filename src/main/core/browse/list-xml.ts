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

/** The text of the first `<tag>…</tag>` between `from` and `to`, or undefined. */
function textOf(xml: string, tag: string, from: number, to: number): string | undefined {
  const open = xml.indexOf(`<${tag}>`, from);
  if (open < 0 || open >= to) return undefined;
  const start = open + tag.length + 2;
  const end = xml.indexOf(`</${tag}>`, start);
  if (end < 0 || end > to) throw new Error(`unclosed <${tag}>`);
  return decodeXmlText(xml.slice(start, end));
}

/** Each `<tag>…</tag>` block as [start, end) offsets of its inside. */
function* blocks(xml: string, tag: string): Generator<[number, number]> {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at)) {
    const start = at + open.length;
    const end = xml.indexOf(close, start);
    if (end < 0) throw new Error(`unclosed <${tag}>`);
    yield [start, end];
    at = end + close.length;
  }
}

/** The document's start: an optional XML declaration, then the root element (its attributes, e.g. xmlns, allowed). */
const rootOpen = /^\s*(?:<\?xml[^>]*\?>\s*)?<ListBucketResult(?:\s[^<>]*)?>/;
/** ASCII letter or digit: the names of S3's elements use nothing else. */
function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * True when the document is a ListBucketResult made only of plain, balanced `<Name>…</Name>`
 * elements with nothing after the root. Anything else (a comment, CDATA, an attribute, a
 * self-closing or unclosed element, a truncated body) is left to the SDK's general parser.
 * A character loop rather than a regex per tag: this runs over every page listed.
 */
function isPlainListing(xml: string): boolean {
  const head = rootOpen.exec(xml);
  if (!head) return false;
  const open: string[] = ['ListBucketResult'];
  let at = head[0].length;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) return false;
    const closing = xml.charCodeAt(lt + 1) === 0x2f;
    const nameStart = lt + (closing ? 2 : 1);
    let end = nameStart;
    while (isNameChar(xml.charCodeAt(end))) end += 1;
    if (end === nameStart || xml.charCodeAt(end) !== 0x3e) return false;
    const name = xml.slice(nameStart, end);
    at = end + 1;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return false;
    else if (open.length === 0) return xml.slice(at).trim() === '';
  }
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
export function parseListObjectsV2(xml: string): ParsedListing | undefined {
  try {
    return isPlainListing(xml) ? readListing(xml) : undefined;
  } catch {
    // decodeXmlText throws RangeError for a character reference beyond U+10FFFF.
    return undefined;
  }
}

function readListing(xml: string): ParsedListing | undefined {
  const listing: ParsedListing = { isTruncated: false, commonPrefixes: [], contents: [] };
  // Top-level fields sit outside the Contents/CommonPrefixes blocks, whose children never use these names.
  const truncated = textOf(xml, 'IsTruncated', 0, xml.length);
  if (truncated !== undefined && truncated !== 'true' && truncated !== 'false') return undefined;
  listing.isTruncated = truncated === 'true';
  const token = textOf(xml, 'NextContinuationToken', 0, xml.length);
  if (token) listing.nextContinuationToken = token;
  for (const [start, end] of blocks(xml, 'CommonPrefixes')) {
    const prefix = textOf(xml, 'Prefix', start, end);
    if (prefix !== undefined) listing.commonPrefixes.push(prefix);
  }
  for (const [start, end] of blocks(xml, 'Contents')) {
    const key = textOf(xml, 'Key', start, end);
    const size = textOf(xml, 'Size', start, end) ?? '0';
    const modified = textOf(xml, 'LastModified', start, end);
    const lastModified = modified ? new Date(modified) : undefined;
    if (key === undefined || !/^\d{1,16}$/.test(size) || (lastModified && Number.isNaN(lastModified.getTime()))) return undefined;
    const etag = textOf(xml, 'ETag', start, end);
    const storageClass = textOf(xml, 'StorageClass', start, end);
    listing.contents.push({
      key,
      size: Number(size),
      ...(lastModified ? { lastModified } : {}),
      ...(etag ? { etag } : {}),
      ...(storageClass ? { storageClass } : {}),
    });
  }
  return listing;
}
