/*
 * Keys in the order S3 lists them and SQLite's BINARY collation sorts them: by UTF-8 bytes. That
 * is code point order, which JavaScript's `<` on strings (UTF-16 code units) is not for keys with
 * characters past U+FFFF, so comparisons of keys go through here.
 */

/** Negative, zero or positive as `a` sorts before, with or after `b` in S3's listing order. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The smallest string greater than every key that starts with `prefix` (a key k starts with it
 * exactly when prefix ≤ k < prefixEnd(prefix)); null for the empty prefix (no upper bound). The
 * last code point is raised by one, skipping the surrogate range, which UTF-8 cannot hold.
 */
export function prefixEnd(prefix: string): string | null {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = points.pop() ?? '';
    const code = last.codePointAt(0) ?? 0;
    if (code < 0x10ffff) {
      const next = code + 1 === 0xd800 ? 0xe000 : code + 1;
      return points.join('') + String.fromCodePoint(next);
    }
  }
  return null;
}
