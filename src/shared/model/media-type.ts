import { headerValueProblem, headerValueSchema } from './header-value';

/** A media type as RFC 9110 §8.3.1 defines it, with the case-insensitive parts lower-cased. */
export interface MediaType {
  type: string;
  subtype: string;
  /** `type/subtype`, lower case: what allow-lists compare. */
  essence: string;
  /** Parameter names lower case; values as sent (quoted strings unquoted and unescaped). */
  params: Record<string, string>;
}

/** RFC 9110 §5.6.2 tchar. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const tchar = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

function isOws(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** qdtext minus obs-text: HTAB, SP, and visible ASCII other than `"` and `\`. */
function isQdtext(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 0x09 || c === 0x20 || c === 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
}

/** quoted-pair's second character minus obs-text: HTAB, SP or visible ASCII. */
function isQuotable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 0x09 || (c >= 0x20 && c <= 0x7e);
}

/**
 * Reads `type "/" subtype *( OWS ";" OWS [ parameter ] )`, parameter = token "=" ( token /
 * quoted-string ), and returns null for anything else: a list (`a/b, c/d` — commas only inside
 * quotes), an empty or non-token type, subtype or name, a missing value, a duplicate parameter
 * name, or text after the value. obs-text (non-ASCII) is refused everywhere: values that reach
 * here are header values we send (see header-value.ts). Pure.
 */
export function parseMediaType(value: string): MediaType | null {
  const slash = value.indexOf('/');
  if (slash < 0) return null;
  let end = slash + 1;
  while (end < value.length && tchar.test(value.charAt(end))) end += 1;
  const type = value.slice(0, slash);
  const subtype = value.slice(slash + 1, end);
  if (!token.test(type) || !token.test(subtype)) return null;
  // A Map, not an object literal: a parameter named `__proto__` must stay a plain entry.
  const params = new Map<string, string>();
  let at = end;
  while (at < value.length) {
    while (isOws(value[at])) at += 1;
    if (value[at] !== ';') return null;
    at += 1;
    while (isOws(value[at])) at += 1;
    // `[ parameter ]`: an empty one (`a/b;` or `a/b; ;c=d`) is allowed by the grammar.
    if (at >= value.length || value[at] === ';') continue;
    let nameEnd = at;
    while (nameEnd < value.length && tchar.test(value.charAt(nameEnd))) nameEnd += 1;
    const name = value.slice(at, nameEnd).toLowerCase();
    if (name === '' || value[nameEnd] !== '=') return null;
    if (params.has(name)) return null;
    at = nameEnd + 1;
    if (value[at] === '"') {
      const read = readQuoted(value, at);
      if (!read) return null;
      params.set(name, read.text);
      at = read.next;
    } else {
      let valueEnd = at;
      while (valueEnd < value.length && tchar.test(value.charAt(valueEnd))) valueEnd += 1;
      if (valueEnd === at) return null;
      params.set(name, value.slice(at, valueEnd));
      at = valueEnd;
    }
  }
  const lowerType = type.toLowerCase();
  const lowerSubtype = subtype.toLowerCase();
  return { type: lowerType, subtype: lowerSubtype, essence: `${lowerType}/${lowerSubtype}`, params: Object.fromEntries(params) };
}

/** A quoted-string starting at `start` (the opening quote): its unescaped text and where it ends. */
function readQuoted(value: string, start: number): { text: string; next: number } | null {
  let text = '';
  for (let at = start + 1; at < value.length; at += 1) {
    const ch = value.charAt(at);
    if (ch === '"') return { text, next: at + 1 };
    if (ch === '\\') {
      const escaped = value.charAt(at + 1);
      if (escaped === '' || !isQuotable(escaped)) return null;
      text += escaped;
      at += 1;
    } else if (isQdtext(ch)) {
      text += ch;
    } else {
      return null;
    }
  }
  return null;
}

/** The message for a value that is clean ASCII but not one media type. */
export function mediaTypeProblem(value: string): string | null {
  if (parseMediaType(value)) return null;
  if (/,/.test(value.replace(/"(?:[^"\\]|\\.)*"/g, ''))) {
    return 'Give one content type, not a list: a comma is only allowed inside quotes, e.g. application/pdf or text/plain; charset=utf-8.';
  }
  return 'A content type looks like application/pdf or text/plain; charset=utf-8.';
}

/**
 * A Content-Type the user types (uploads, download overrides, upload links): a clean header value
 * and exactly one RFC 9110 media type.
 */
export const contentTypeSchema = headerValueSchema('Content-Type', 256).superRefine((value, ctx) => {
  // A bad character already has its own message; only judge the syntax of clean values.
  if (headerValueProblem('Content-Type', value)) return;
  const problem = mediaTypeProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
