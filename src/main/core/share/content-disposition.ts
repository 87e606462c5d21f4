/** The last path segment of a key: what a downloaded file is called by default. */
export function keyBaseName(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  return name === '' ? 'download' : name;
}

/** Printable ASCII that needs no quoting tricks: safe as a quoted `filename="…"` as is. */
const plainAscii = /^[\x20-\x7e]*$/;

/** RFC 5987 attr-char: everything else in `filename*` is percent-encoded UTF-8. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The ASCII stand-in older clients use: non-ASCII, quotes, backslashes and percent signs become
 * `_` (a `%XX` left in would be decoded by some browsers and name the file differently).
 */
export function asciiFallback(name: string): string {
  const replaced = Array.from(name, (ch) => (/^[\x20-\x7e]$/.test(ch) && !/["\\%]/.test(ch) ? ch : '_')).join('');
  return replaced.trim() === '' ? 'download' : replaced;
}

/**
 * A `Content-Disposition` value per RFC 6266: `filename="…"` for every client, plus
 * `filename*=UTF-8''…` (RFC 5987) whenever the name is not plain ASCII, so "Résumé €.pdf" survives.
 */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = asciiFallback(filename);
  const needsExt = !plainAscii.test(filename) || /["\\%]/.test(filename);
  return needsExt
    ? `${type}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`
    : `${type}; filename="${filename}"`;
}
