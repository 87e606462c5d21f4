/*
 * Cache-Control as the header editor writes it (RFC 9111 §5.2): a comma-separated list of
 * directives, each a token with an optional `=value`. The checks here are the ones that catch
 * what people get wrong by hand before S3 stores it for every CDN to read: a negative or
 * fractional max-age, a duration nobody means (over ten years), a directive given twice.
 */

/** RFC 9110 §5.6.2 token. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Ten years in seconds: past this a max-age is a typo (an extra digit), not a cache policy. */
export const maxCacheSeconds = 10 * 365 * 24 * 3600;

/** Directives whose value is a number of seconds. */
const durationDirectives = new Set(['max-age', 's-maxage', 'stale-while-revalidate', 'stale-if-error', 'max-stale', 'min-fresh']);

export interface CacheDirective {
  name: string;
  value?: string;
}

/** The directives of a Cache-Control value, names lower case; null when it is not a directive list. */
export function parseCacheControl(value: string): CacheDirective[] | null {
  const out: CacheDirective[] = [];
  for (const part of value.split(',')) {
    const item = part.trim();
    if (item === '') return null;
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
    if (!token.test(name)) return null;
    if (eq < 0) {
      out.push({ name });
      continue;
    }
    const raw = item.slice(eq + 1).trim();
    const quoted = /^"([^"\\]*)"$/.exec(raw);
    if (!quoted && !token.test(raw)) return null;
    out.push({ name, value: quoted ? (quoted[1] ?? '') : raw });
  }
  return out;
}

/** Why `value` is not a Cache-Control worth storing, or null. Assumes a clean header value. */
export function cacheControlProblem(value: string): string | null {
  const directives = parseCacheControl(value);
  if (!directives) return 'Cache-Control is a comma-separated list of directives, e.g. public, max-age=86400 or no-cache.';
  const seen = new Set<string>();
  for (const d of directives) {
    if (seen.has(d.name)) return `Cache-Control gives “${d.name}” twice; keep one.`;
    seen.add(d.name);
    if (!durationDirectives.has(d.name)) continue;
    if (d.value === undefined) return `${d.name} needs a number of seconds, e.g. ${d.name}=86400.`;
    if (!/^\d+$/.test(d.value)) return `${d.name} must be a whole number of seconds (0 or more), not “${d.value}”.`;
    if (Number(d.value) > maxCacheSeconds)
      return `${d.name}=${d.value} is more than ten years; use at most ${maxCacheSeconds} (a year is 31536000).`;
  }
  return null;
}

/** The presets the editor offers, built from a duration in seconds where they take one. */
export type CachePreset =
  | { kind: 'no-cache' }
  | { kind: 'no-store' }
  | { kind: 'max-age'; seconds: number; sharedSeconds?: number }
  | { kind: 'immutable'; seconds: number };

/** The Cache-Control text for a preset. */
export function cacheControlFor(preset: CachePreset): string {
  switch (preset.kind) {
    case 'no-cache':
      return 'no-cache';
    case 'no-store':
      return 'no-store';
    case 'max-age':
      return `public, max-age=${preset.seconds}${preset.sharedSeconds !== undefined ? `, s-maxage=${preset.sharedSeconds}` : ''}`;
    case 'immutable':
      return `public, max-age=${preset.seconds}, immutable`;
  }
}
