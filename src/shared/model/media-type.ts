/**
 * Strict media types (RFC 9110 §8.3.1): `type "/" subtype *( OWS ";" OWS [ parameter ] )`,
 * `parameter = token "=" ( token / quoted-string )`. Exactly one type: a list (`a/b, c/d`), an
 * empty or malformed parameter, or a duplicate parameter name is refused, because browsers
 * disagree about which member of such a value wins, and that disagreement is how a stored
 * `application/pdf;x=,text/html` becomes a script-running page.
 */
export interface MediaType {
  /** Lower-case top-level type, e.g. `image`. */
  type: string;
  /** Lower-case subtype, e.g. `svg+xml`. */
  subtype: string;
  /** `type/subtype`, lower case. */
  essence: string;
  /** Lower-case parameter names; values as sent (quotes and escapes removed). */
  params: Record<string, string>;
}

/** RFC 9110 tchar. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** qdtext and quoted-pair octets, ASCII only (obs-text is refused: S3 and Node reject it in headers). */
const quotable = /^[\t\x20-\x7e]$/;

/** Parses one media type, or null when the value is not exactly one well-formed media type. */
export function parseMediaType(value: string): MediaType | null {
  if (value.length > 1024) return null;
  const slash = value.indexOf('/');
  if (slash < 0) return null;
  const type = value.slice(0, slash).replace(/^[ \t]+/, '');
  const semi = value.indexOf(';', slash);
  const subtype = (semi < 0 ? value.slice(slash + 1) : value.slice(slash + 1, semi)).replace(/[ \t]+$/, '');
  if (!token.test(type) || !token.test(subtype)) return null;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let at = semi < 0 ? value.length : semi;
  while (at < value.length) {
    // Here value[at] === ';'.
    at = skipSpace(value, at + 1);
    if (at >= value.length) break; // a trailing ";" is allowed by the grammar ([ parameter ])
    if (value[at] === ';') continue;
    const eq = value.indexOf('=', at);
    if (eq < 0) return null;
    const name = value.slice(at, eq).toLowerCase();
    if (!token.test(name) || name in params) return null;
    const parsed = value[eq + 1] === '"' ? readQuoted(value, eq + 1) : readToken(value, eq + 1);
    if (!parsed) return null;
    params[name] = parsed.value;
    at = skipSpace(value, parsed.end);
    if (at < value.length && value[at] !== ';') return null;
  }
  const lowerType = type.toLowerCase();
  const lowerSubtype = subtype.toLowerCase();
  return { type: lowerType, subtype: lowerSubtype, essence: `${lowerType}/${lowerSubtype}`, params: { ...params } };
}

/** The media type written back in canonical form (lower-case names, values quoted when needed). */
export function formatMediaType(media: MediaType): string {
  const params = Object.entries(media.params).map(([name, value]) =>
    token.test(value) ? `${name}=${value}` : `${name}="${value.replace(/["\\]/g, '\\$&')}"`,
  );
  return [media.essence, ...params].join('; ');
}

function skipSpace(value: string, from: number): number {
  let at = from;
  while (value[at] === ' ' || value[at] === '\t') at++;
  return at;
}

function readToken(value: string, from: number): { value: string; end: number } | null {
  let end = from;
  while (end < value.length && value[end] !== ';' && value[end] !== ' ' && value[end] !== '\t') end++;
  const text = value.slice(from, end);
  return token.test(text) ? { value: text, end } : null;
}

function readQuoted(value: string, from: number): { value: string; end: number } | null {
  let out = '';
  for (let at = from + 1; at < value.length; at++) {
    const ch = value[at] ?? '';
    if (ch === '"') return { value: out, end: at + 1 };
    if (ch === '\\') {
      at++;
      const escaped = value[at] ?? '';
      if (!quotable.test(escaped)) return null;
      out += escaped;
    } else if (quotable.test(ch)) {
      out += ch;
    } else {
      return null;
    }
  }
  return null; // unterminated quoted-string
}
