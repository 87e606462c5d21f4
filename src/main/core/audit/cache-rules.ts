import { baseName } from '../../../shared/model/keys';
import { typeForName } from '../../../shared/model/extension-types';

/** What the cache-headers report flags on a public object. */
export type CacheIssue = 'missing' | 'no-cache' | 'short-max-age';

/** A content-hashed name (`app.3f9a2c1b.js`, `photo-9f86d081884c.jpg`) never changes its bytes: cache it for a long time. */
const hashedName = /[._-][0-9a-f]{8,}(?:[._-]|$)/i;
/** Below this, a content-hashed file is re-fetched for no reason: its name changes when its bytes do. */
export const hashedMinMaxAge = 30 * 24 * 3600;
/** Below this, images, video, audio and fonts (which are rarely edited in place) are re-fetched far too often. */
export const mediaMinMaxAge = 24 * 3600;

/** The seconds of `max-age` (or `s-maxage`, which shared caches use), if either is given. */
export function maxAgeOf(cacheControl: string): number | null {
  let found: number | null = null;
  for (const part of cacheControl.split(',')) {
    const match = /^\s*(s-maxage|max-age)\s*=\s*"?(\d+)"?\s*$/i.exec(part);
    if (match) found = Math.max(found ?? 0, Number(match[2]));
  }
  return found;
}

/** True for names whose bytes should never change under them: content-hashed names and media/fonts. */
export function isImmutableLooking(key: string): { hashed: boolean; media: boolean } {
  const name = baseName(key);
  const type = typeForName(name) ?? '';
  return { hashed: hashedName.test(name.replace(/\.[^.]*$/, '.')), media: /^(image|video|audio|font)\//.test(type) };
}

/**
 * Judges a public object's Cache-Control: missing, one that forbids caching (`no-store`,
 * `no-cache`), or a max-age too short for a file whose bytes never change under its name. Pure.
 */
export function cacheIssue(key: string, cacheControl: string | null | undefined): CacheIssue | null {
  const value = cacheControl?.trim() ?? '';
  if (value === '') return 'missing';
  if (/(^|,)\s*(no-store|no-cache)\s*(,|$|=)/i.test(value)) return 'no-cache';
  if (/(^|,)\s*immutable\s*(,|$)/i.test(value)) return null;
  const { hashed, media } = isImmutableLooking(key);
  if (!hashed && !media) return null;
  const age = maxAgeOf(value) ?? 0;
  return age < (hashed ? hashedMinMaxAge : mediaMinMaxAge) ? 'short-max-age' : null;
}
