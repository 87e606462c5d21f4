import { AppError } from '../../../shared/errors';

/** S3's key limit, in bytes of UTF-8. */
export const maxKeyBytes = 1024;

const utf8 = new TextEncoder();

/** Byte length of a key as S3 counts it. */
export function keyBytes(key: string): number {
  return utf8.encode(key).length;
}

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
    throw new AppError('InvalidInput', `That name makes the full key longer than S3's ${maxKeyBytes} bytes. Choose a shorter name.`, { name });
  }
  return key;
}

/** Why a typed name cannot be used, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.includes('/')) return 'A name cannot contain “/”: that would make a folder inside it. Choose a name without it.';
  if (name === '.' || name === '..') return '“.” and “..” are not usable names. Choose another name.';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A name cannot contain control characters (such as tab or newline). Remove them.';
  return undefined;
}
