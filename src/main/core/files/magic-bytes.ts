/**
 * A small content sniffer for files whose extension says nothing: the media and document formats
 * a media bucket holds, recognised by their first bytes; pure, unit tested. Kept rather than
 * `file-type` (not installed): that package would cover these binary signatures, but by its own
 * account not text, which this sniffer also recognises, and it wants ~4 KB where 64 bytes do.
 */

/** How many leading bytes `sniffContentType` needs. */
export const sniffBytes = 64;

const ascii = (head: Uint8Array, at: number, text: string): boolean => {
  if (head.length < at + text.length) return false;
  for (let i = 0; i < text.length; i += 1) if (head[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

const bytes = (head: Uint8Array, at: number, values: readonly number[]): boolean =>
  head.length >= at + values.length && values.every((v, i) => head[at + i] === v);

/** ISO base media (MP4, MOV, HEIC, AVIF, 3GP): the `ftyp` box's major brand decides. */
function isoMedia(head: Uint8Array): string | undefined {
  if (!ascii(head, 4, 'ftyp') || head.length < 12) return undefined;
  const brand = String.fromCharCode(...head.subarray(8, 12)).trim();
  if (brand === 'qt') return 'video/quicktime';
  if (['heic', 'heix', 'heim', 'heis'].includes(brand)) return 'image/heic';
  if (brand === 'mif1' || brand === 'msf1') return 'image/heif';
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (brand.startsWith('3gp')) return 'video/3gpp';
  if (brand === 'M4A' || brand === 'M4B') return 'audio/mp4';
  return 'video/mp4';
}

function riff(head: Uint8Array): string | undefined {
  if (!ascii(head, 0, 'RIFF')) return undefined;
  if (ascii(head, 8, 'WAVE')) return 'audio/wav';
  if (ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 8, 'AVI ')) return 'video/x-msvideo';
  return undefined;
}

/** EBML (Matroska/WebM): the doctype string sits in the first bytes. */
function ebml(head: Uint8Array): string | undefined {
  if (!bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return undefined;
  const text = String.fromCharCode(...head.subarray(0, Math.min(head.length, sniffBytes)));
  return text.includes('webm') ? 'video/webm' : 'video/x-matroska';
}

const signatures: ReadonlyArray<[(head: Uint8Array) => boolean, string]> = [
  [(h) => bytes(h, 0, [0xff, 0xd8, 0xff]), 'image/jpeg'],
  [(h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
  [(h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a'), 'image/gif'],
  [(h) => ascii(h, 0, 'BM') && h.length >= 14, 'image/bmp'],
  [(h) => bytes(h, 0, [0x49, 0x49, 0x2a, 0x00]) || bytes(h, 0, [0x4d, 0x4d, 0x00, 0x2a]), 'image/tiff'],
  [(h) => bytes(h, 0, [0x00, 0x00, 0x01, 0x00]), 'image/x-icon'],
  [(h) => ascii(h, 0, '%PDF-'), 'application/pdf'],
  [
    (h) => ascii(h, 0, 'ID3') || (h.length > 1 && h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0 && ((h[1] ?? 0) & 0x06) !== 0),
    'audio/mpeg',
  ],
  [(h) => ascii(h, 0, 'OggS'), 'audio/ogg'],
  [(h) => ascii(h, 0, 'fLaC'), 'audio/flac'],
  [(h) => bytes(h, 0, [0x50, 0x4b, 0x03, 0x04]), 'application/zip'],
  [(h) => bytes(h, 0, [0x1f, 0x8b]), 'application/gzip'],
  [(h) => ascii(h, 0, 'wOF2'), 'font/woff2'],
  [(h) => ascii(h, 0, 'wOFF'), 'font/woff'],
  [(h) => bytes(h, 0, [0x47]) && h.length >= 189 && h[188] === 0x47, 'video/mp2t'],
];

/** The content type the leading bytes show, or undefined when they match nothing known. */
export function sniffContentType(head: Uint8Array): string | undefined {
  const special = isoMedia(head) ?? riff(head) ?? ebml(head);
  if (special) return special;
  for (const [test, type] of signatures) if (test(head)) return type;
  return looksLikeText(head) ? 'text/plain; charset=utf-8' : undefined;
}

/** UTF-8 text without NUL or stray control bytes (a BOM or plain ASCII both count). */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
    return true;
  } catch {
    return false;
  }
}

/** The sample may cut a multi-byte character in half; drop that tail before decoding. */
function trimPartialUtf8(head: Uint8Array): Uint8Array {
  const end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const b = head[end - back] ?? 0;
    if ((b & 0xc0) === 0xc0) return head.subarray(0, end - back);
    if ((b & 0xc0) !== 0x80) break;
  }
  return head.subarray(0, end);
}
