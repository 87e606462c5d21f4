import { z } from 'zod';
import { AppError } from '../errors';
import { hasControlCharacter } from './control-characters';

/**
 * What an S3 key is and how its parts are named, for main and renderer alike: the byte limit,
 * folders (`/`-terminated keys), parent and base name, the rule for a typed name, and how a key
 * is written into a URL path. Pure.
 */

/** S3's key limit, in bytes of UTF-8. */
export const maxKeyBytes = 1024;

const utf8 = new TextEncoder();

/** Byte length of a key as S3 counts it. */
export function keyBytes(key: string): number {
  return utf8.encode(key).length;
}

/** An S3 key or prefix: at most 1,024 bytes of UTF-8, as S3 allows. */
export const keySchema = z
  .string()
  .max(maxKeyBytes)
  .refine((k) => keyBytes(k) <= maxKeyBytes, 'An S3 key is at most 1,024 bytes.')
  // S3 lists keys in XML 1.0, which cannot carry U+0000: such a key could never be listed again.
  .refine((k) => !k.includes('\u0000'), 'An S3 key cannot contain a NUL character (U+0000).');

/** A key ending with `/` names a folder (a common prefix, or its zero-byte placeholder). */
export function isFolderKey(key: string): boolean {
  return key.endsWith('/');
}

/** True when a segment of the key is `.` or `..`: URL parsers (browsers, curl, fetch) remove those from a path. */
export function hasDotSegments(key: string): boolean {
  return key.split('/').some((segment) => segment === '.' || segment === '..');
}

/** The folder a key sits in: `a/b/c.txt` → `a/b/`, `a/b/` → `a/`, `c.txt` → ``. */
export function parentPrefix(key: string): string {
  const body = isFolderKey(key) ? key.slice(0, -1) : key;
  const slash = body.lastIndexOf('/');
  return slash < 0 ? '' : body.slice(0, slash + 1);
}

/** The last segment, without a folder's trailing `/`: `a/b/` → `b`, `a/c.txt` → `c.txt`. */
export function baseName(key: string): string {
  const body = isFolderKey(key) ? key.slice(0, -1) : key;
  return body.slice(body.lastIndexOf('/') + 1);
}

/** What a saved copy is called by default: the key's base name, or `download` when that is empty (`a//`). */
export function downloadName(key: string): string {
  return baseName(key) || 'download';
}

/**
 * Checks a name typed for a new folder or a rename, and returns the full key it makes in `parent`.
 * Spaces and unicode are kept exactly as typed (S3 keys are byte strings); what would make a key
 * that cannot be a single path segment, or that downloads could not write, is refused.
 */
export function keyForNewName(parent: string, name: string, folder: boolean): string {
  const problem = nameProblem(name);
  if (problem) throw new AppError('InvalidInput', problem, { name });
  const key = `${parent}${name}${folder ? '/' : ''}`;
  if (keyBytes(key) > maxKeyBytes) {
    throw new AppError('InvalidInput', `That name makes the full key longer than S3's ${maxKeyBytes} bytes. Choose a shorter name.`, {
      name,
    });
  }
  return key;
}

/** Why a typed name cannot be used, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.includes('/')) return 'A name cannot contain “/”: that would make a folder inside it. Choose a name without it.';
  if (name === '.' || name === '..')
    return '“.” and “..” are not usable names: they mean this folder and the parent folder. Choose another name.';
  if (hasControlCharacter(name)) return 'A name cannot contain control characters (such as tab or newline). Remove them.';
  return undefined;
}

/**
 * Percent-encodes a key one path segment at a time, as S3 and the SDK do: `/` stays a separator
 * (empty segments from `//` are kept), everything else outside RFC 3986's unreserved set
 * (including ! ' ( ) *) is escaped as UTF-8.
 */
export function encodeKeyPath(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
