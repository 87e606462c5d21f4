/** Printable ASCII that needs no quoting tricks: safe as a quoted `filename="…"` as is. */
const plainAscii = /^[\x20-\x7e]*$/;

/** What a quoted fallback cannot carry as is: `"` and `\` would end or escape the string, `%` is decoded by some browsers. */
const unsafeInQuotes = /["\\%]/;

/** RFC 5987 attr-char: everything else in `filename*` is percent-encoded UTF-8. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The ASCII stand-in older clients use: non-ASCII, control characters, quotes, backslashes and
 * percent signs become `_` (a `%XX` left in would be decoded by some browsers and name the file
 * differently); a name with nothing printable left becomes `download`.
 */
export function asciiFallback(name: string): string {
  const replaced = Array.from(name, (ch) => (plainAscii.test(ch) && !unsafeInQuotes.test(ch) ? ch : '_')).join('');
  return replaced.trim() === '' ? 'download' : replaced;
}

/**
 * The one `Content-Disposition` builder (object route, presigned links), per RFC 6266:
 * `filename="…"` always, an ASCII fallback every client reads; plus `filename*=UTF-8''…`
 * (RFC 5987/8187) only when the name is not plain printable ASCII or holds `"`, `\` or `%`, so
 * "Résumé €.pdf" survives a save and a plain "report.pdf" stays a plain header.
 */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = asciiFallback(filename);
  const needsExt = !plainAscii.test(filename) || unsafeInQuotes.test(filename);
  return needsExt ? `${type}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}` : `${type}; filename="${filename}"`;
}
