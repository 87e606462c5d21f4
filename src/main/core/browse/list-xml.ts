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

/**
 * Reads a ListObjectsV2 `ListBucketResult` document. S3 escapes all text, so element names only
 * ever appear as markup and a scan by tag is exact; this is many times faster than the SDK's
 * general XML deserializer on 1,000-key pages, which makes the listing CPU-light on a busy
 * machine. Returns undefined for anything that is not a plain ListBucketResult (CDATA, another
 * root), so the caller can fall back to the SDK's own parser.
 */
export function parseListObjectsV2(xml: string): ParsedListing | undefined {
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<ListBucketResult[\s>]/.test(xml) || xml.includes('<![CDATA[')) return undefined;
  const listing: ParsedListing = { isTruncated: false, commonPrefixes: [], contents: [] };
  // Top-level fields sit outside the Contents/CommonPrefixes blocks, whose children never use these names.
  listing.isTruncated = textOf(xml, 'IsTruncated', 0, xml.length) === 'true';
  const token = textOf(xml, 'NextContinuationToken', 0, xml.length);
  if (token) listing.nextContinuationToken = token;
  for (const [start, end] of blocks(xml, 'CommonPrefixes')) {
    const prefix = textOf(xml, 'Prefix', start, end);
    if (prefix !== undefined) listing.commonPrefixes.push(prefix);
  }
  for (const [start, end] of blocks(xml, 'Contents')) {
    const key = textOf(xml, 'Key', start, end);
    if (key === undefined) continue;
    const size = Number(textOf(xml, 'Size', start, end) ?? '0');
    const modified = textOf(xml, 'LastModified', start, end);
    const etag = textOf(xml, 'ETag', start, end);
    const storageClass = textOf(xml, 'StorageClass', start, end);
    listing.contents.push({
      key,
      size: Number.isFinite(size) ? size : 0,
      ...(modified ? { lastModified: new Date(modified) } : {}),
      ...(etag ? { etag } : {}),
      ...(storageClass ? { storageClass } : {}),
    });
  }
  return listing;
}
