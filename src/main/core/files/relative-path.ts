import { AppError } from '../../../shared/errors';
import { hasControlCharacter } from '../../../shared/model/control-characters';

const maxSegments = 64;
const maxBytes = 4096;
const maxSegmentBytes = 255;

/**
 * Validates a relative path sent by the renderer (a dropped file's path within its folder, e.g.
 * `Shoot/raw/a.mov`) and returns its segments. Strict, because it becomes a path on disk:
 * no absolute paths, no `.`/`..`, no empty segments, no backslashes, NUL or control characters.
 */
export function parseRelativePath(input: string): string[] {
  const fail = (why: string) =>
    new AppError('InvalidInput', `The file name “${input.slice(0, 200)}” cannot be used: ${why}. Rename it and try again.`, {
      path: input.slice(0, 200),
    });
  if (input === '' || Buffer.byteLength(input, 'utf8') > maxBytes) throw fail('it is empty or longer than 4,096 bytes');
  if (hasControlCharacter(input) || input.includes('\\')) throw fail('it contains a backslash or a control character');
  if (input.startsWith('/') || /^[A-Za-z]:/.test(input)) throw fail('it is an absolute path');
  const segments = input.split('/');
  if (segments.length > maxSegments) throw fail(`it is nested more than ${maxSegments} folders deep`);
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') throw fail('it has an empty, “.” or “..” part');
    if (Buffer.byteLength(segment, 'utf8') > maxSegmentBytes) throw fail('a part of it is longer than 255 bytes');
  }
  return segments;
}
