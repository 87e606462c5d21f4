import type { Roots } from '../../../shared/model/roots';
import { prefixEnd } from './key-order';

/*
 * SQL conditions for index queries. "Every key starting with p" is `key >= p AND key < prefixEnd(p)`
 * (`key-order.ts`): a range the (bucket, key) index answers without reading any other row. Pure.
 */

/** A SQL condition (named parameters `@<name>Lo`/`@<name>Hi`) for keys under `prefix`, with its values. */
export function keyRangeCondition(column: string, name: string, prefix: string): { sql: string; params: Record<string, string> } | null {
  if (prefix === '') return null;
  const hi = prefixEnd(prefix);
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
