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

/**
 * Format characters that draw nothing but change what a name looks like: bidi controls (U+202E
 * makes "rtl\u202Etxt.exe" read as a .txt file), zero-width characters, the BOM and the soft
 * hyphen. Names show each as a visible marker; the value is what the marker's tooltip says.
 */
const invisibleNames: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'Soft hyphen'],
  [0x061c, 'Arabic letter mark (bidi control)'],
  [0x180e, 'Mongolian vowel separator (invisible)'],
  [0x200b, 'Zero-width space'],
  [0x200c, 'Zero-width non-joiner'],
  [0x200d, 'Zero-width joiner'],
  [0x200e, 'Left-to-right mark (bidi control)'],
  [0x200f, 'Right-to-left mark (bidi control)'],
  [0x202a, 'Left-to-right embedding (bidi control)'],
  [0x202b, 'Right-to-left embedding (bidi control)'],
  [0x202c, 'Pop directional formatting (bidi control)'],
  [0x202d, 'Left-to-right override (bidi control)'],
  [0x202e, 'Right-to-left override (bidi control: reverses the text after it)'],
  [0x2060, 'Word joiner (invisible)'],
  [0x2061, 'Function application (invisible)'],
  [0x2062, 'Invisible times'],
  [0x2063, 'Invisible separator'],
  [0x2064, 'Invisible plus'],
  [0x2066, 'Left-to-right isolate (bidi control)'],
  [0x2067, 'Right-to-left isolate (bidi control)'],
  [0x2068, 'First strong isolate (bidi control)'],
  [0x2069, 'Pop directional isolate (bidi control)'],
  [0xfeff, 'Zero-width no-break space (BOM)'],
]);

/** What an invisible or bidi-control character is, in words; undefined for any other character. */
export function invisibleCharacterName(char: string): string | undefined {
  return char.length === 0 ? undefined : invisibleNames.get(char.codePointAt(0) ?? -1);
}
