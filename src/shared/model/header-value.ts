import { z } from 'zod';

/*
 * The one check for every header value the app sends on the user's behalf (Content-Type,
 * Cache-Control, upload-link content types …), run by the contract's schemas before any request.
 *
 * RFC 9110 §5.5: field-value = *field-content, i.e. visible ASCII (VCHAR), with SP and HTAB
 * allowed between visible characters but not at either end, no control characters; obs-text
 * (bytes 0x80–0xFF) is tolerated for old senders only. We are stricter on two points, both
 * because the request is signed (SigV4) and the server recomputes the signature from what it
 * received:
 * - obs-text / any non-ASCII is refused: RFC 9110 says new senders must not produce it, Node
 *   refuses most of it outright ("Invalid character in header content"), and what it lets
 *   through (Latin-1, e.g. "é") is re-encoded on the way so the server signs other bytes than
 *   we did: the request fails as a signature mismatch that looks like a wrong secret.
 * - HTAB is refused: SigV4 canonicalisation turns runs of whitespace into one space, which the
 *   SDK does for tabs and servers do not all do, so a tab also ends as a signature mismatch.
 */

/** Names for the characters people paste by accident; anything else is shown as itself. */
const named: Record<number, string> = {
  0x00: 'a NUL character',
  0x09: 'a tab character',
  0x0a: 'a line break (line feed)',
  0x0b: 'a vertical tab',
  0x0c: 'a form feed',
  0x0d: 'a line break (carriage return)',
  0x1b: 'an escape character',
  0x20: 'a space',
  0x5c: 'a backslash',
  0x7f: 'a delete character',
  0xa0: 'a no-break space',
  0x200b: 'a zero-width space',
  0xfeff: 'a byte-order mark',
};

/** `a tab character (U+0009)`, `“é” (U+00E9)`: a character as a person can find it in what they typed. */
export function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = named[codePoint];
  if (name) return `${name} (${hex})`;
  if (codePoint < 0x20 || (codePoint >= 0x80 && codePoint < 0xa0)) return `a control character (${hex})`;
  return `“${String.fromCodePoint(codePoint)}” (${hex})`;
}

/** Printable ASCII: what may appear anywhere in a value (space only between other characters). */
function isVisibleAscii(codePoint: number): boolean {
  return codePoint >= 0x21 && codePoint <= 0x7e;
}

/**
 * Why `value` cannot be sent as the `field` header, in words that name the offending character,
 * or null when it can. Pure; `field` is the header's name as the user knows it ("Content-Type").
 */
export function headerValueProblem(field: string, value: string): string | null {
  for (const char of value) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (isVisibleAscii(codePoint) || codePoint === 0x20) continue;
    return `${field} contains ${describeCharacter(codePoint)}; header values may only contain printable ASCII (letters, digits, punctuation and spaces). Remove it or write it in plain ASCII.`;
  }
  if (value.startsWith(' ') || value.endsWith(' ')) return `${field} starts or ends with a space; remove it.`;
  return null;
}

/**
 * A schema for a header value the user types: trimmed, at most `max` characters, and refused with
 * a field-level message naming the bad character (see `headerValueProblem`).
 */
export function headerValueSchema(field: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${field} is at most ${max} characters.`)
    .superRefine((value, ctx) => {
      const problem = headerValueProblem(field, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
