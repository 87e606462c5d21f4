/**
 * A single byte range from a `Range` header in the forms browsers send (`bytes=0-`, `bytes=100-199`,
 * `bytes=-500`), normalised for S3's Range parameter. Anything else (several ranges, other units,
 * garbage) gives undefined: the whole object is served with 200, which HTTP allows.
 */
export function parseByteRange(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first !== '' && last !== '' && Number(last) < Number(first)) return undefined;
  if (first === '' && Number(last) === 0) return undefined;
  return `bytes=${first}-${last}`;
}
