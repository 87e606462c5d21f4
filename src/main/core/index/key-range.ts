import type { Roots } from '../../../shared/model/roots';

/**
 * Key ranges for index queries. SQLite compares TEXT byte by byte (BINARY), and UTF-8 keeps code
 * point order, so "every key starting with p" is `key >= p AND key < next(p)`, where next(p) is p
 * with its last code point raised by one: a range the (connection, bucket, key) index answers
 * without reading any other row. Pure.
 */

/** The smallest string greater than every string starting with `prefix`; null when there is none (or prefix is empty). */
export function prefixUpperBound(prefix: string): string | null {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = points.pop() as string;
    let next = (last.codePointAt(0) ?? 0) + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return null;
}

/** A SQL condition (named parameters `@<name>Lo`/`@<name>Hi`) for keys under `prefix`, with its values. */
export function keyRangeCondition(column: string, name: string, prefix: string): { sql: string; params: Record<string, string> } | null {
  if (prefix === '') return null;
  const hi = prefixUpperBound(prefix);
  if (hi === null) return { sql: `${column} >= @${name}Lo`, params: { [`${name}Lo`]: prefix } };
  return { sql: `(${column} >= @${name}Lo AND ${column} < @${name}Hi)`, params: { [`${name}Lo`]: prefix, [`${name}Hi`]: hi } };
}

/** Conditions for "under the public root", "under the private root", or "under neither". */
export function rootCondition(
  column: string,
  root: 'public' | 'private' | 'other',
  roots: Roots,
): { sql: string; params: Record<string, string> } {
  if (root !== 'other') return keyRangeCondition(column, `${root}Root`, roots[root]) ?? { sql: '1', params: {} };
  const pub = keyRangeCondition(column, 'publicRoot', roots.public);
  const priv = keyRangeCondition(column, 'privateRoot', roots.private);
  const parts = [pub, priv].filter((c) => c !== null);
  const params: Record<string, string> = {};
  for (const c of parts) Object.assign(params, c.params);
  return { sql: parts.map((c) => `NOT ${c.sql}`).join(' AND ') || '1', params };
}

/** Escapes `%`, `_` and `\` for a LIKE with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One FTS5 phrase: the text in double quotes, inner quotes doubled, so no character is FTS syntax. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
