/**
 * The C0 controls (U+0000–U+001F) and DEL (U+007F): invisible, and they break what names and
 * short texts end up in — terminals, HTTP headers, CSV rows, file names, S3 listings (XML 1.0).
 * One rule for every place that refuses, marks or replaces them.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this names
const controlCharacter = /[\u0000-\u001f\u007f]/;
const everyControlCharacter = new RegExp(controlCharacter.source, 'g');

/** True when `text` holds at least one control character. */
export function hasControlCharacter(text: string): boolean {
  return controlCharacter.test(text);
}

/** `text` with each control character replaced by `by`. */
export function replaceControlCharacters(text: string, by: string): string {
  return text.replace(everyControlCharacter, by);
}
