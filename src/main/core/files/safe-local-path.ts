import { createHash } from 'node:crypto';
import path from 'node:path';
import { replaceControlCharacters } from '../../../shared/model/control-characters';

/** The file-system rules to map names for: Windows forbids far more than POSIX systems. */
export type NameRules = 'win32' | 'posix';

export const hostNameRules: NameRules = process.platform === 'win32' ? 'win32' : 'posix';

/** Longest name segment we write, in UTF-8 bytes: room under NAME_MAX (255) for `.….part-bucketadmin`. */
export const maxSegmentBytes = 200;

const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;
const windowsForbidden = /[<>:"|?*\\]/g;

/** One name segment made safe for `rules`; `changed` says whether it differs from the key's. */
export function safeSegment(segment: string, rules: NameRules): { name: string; changed: boolean } {
  // Control characters are legal in POSIX names but break terminals and scripts; NUL is never legal.
  let name = replaceControlCharacters(segment, '_');
  if (rules === 'win32') {
    name = name.replace(windowsForbidden, '_');
    // Windows silently drops trailing dots and spaces, so `a.` and `a` would be the same file.
    name = name.replace(/[. ]+$/, (tail) => '_'.repeat(tail.length));
    if (windowsReserved.test(name)) name = `_${name}`;
  }
  // `.` and `..` are directory links everywhere, never file names.
  if (name === '.' || name === '..') name = name.replace(/\./g, '_');
  name = truncateSegment(name);
  return { name, changed: name !== segment };
}

/** Shortens an over-long name on a character boundary, keeping a short extension and a hash for uniqueness. */
function truncateSegment(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= maxSegmentBytes) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const room = maxSegmentBytes - Buffer.byteLength(`~${hash}${ext}`, 'utf8');
  let stem = '';
  for (const ch of name.slice(0, name.length - ext.length)) {
    if (Buffer.byteLength(stem + ch, 'utf8') > room) break;
    stem += ch;
  }
  return `${stem}~${hash}${ext}`;
}

export interface MappedName {
  /** Safe relative segments; empty when nothing nameable is left (the key was only slashes). */
  segments: string[];
  /** True when any segment was changed or dropped. */
  changed: boolean;
}

/**
 * Maps the part of an S3 key below the download's base prefix to relative local path segments
 * that can never leave the destination folder: `/` separates, empty segments (leading `/`, `//`)
 * are dropped, `.`/`..` and forbidden names are rewritten. Pure; unit tested exhaustively.
 */
export function keyToLocalSegments(relativeKey: string, rules: NameRules): MappedName {
  const segments = relativeKey
    .split('/')
    .filter((part) => part !== '')
    .map((part) => safeSegment(part, rules).name);
  // A single trailing slash (a folder marker) is not a rename; anything else that differs is.
  const changed = segments.join('/') !== relativeKey.replace(/\/$/, '');
  return { segments, changed };
}

/**
 * Joins mapped segments under `root` and proves the result is inside it (defence in depth: the
 * segments are already safe). Throws when it would not be, which would be a bug in the mapping.
 */
export function resolveInside(root: string, segments: readonly string[], rules: NameRules = hostNameRules): string {
  const p = rules === 'win32' ? path.win32 : path.posix;
  const base = p.resolve(root);
  const full = p.resolve(base, ...segments);
  const rel = p.relative(base, full);
  // `..x` is a fine name; only `..` itself, or `../…`, leaves the folder.
  if (segments.length === 0 || rel === '' || rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel)) {
    throw new Error(`Refusing a local path outside ${base}: ${segments.join('/')}`);
  }
  return full;
}

/**
 * A name to compare local paths with on file systems that ignore case and Unicode form
 * (Windows, macOS by default), so `A.jpg` and `a.jpg` are seen as one file there.
 */
export function localCollisionKey(relativePath: string, rules: NameRules, platform: string = process.platform): string {
  const caseFolds = rules === 'win32' || platform === 'darwin';
  return caseFolds ? relativePath.normalize('NFC').toLowerCase() : relativePath;
}
