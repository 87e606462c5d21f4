import { utimesSync, type Stats } from 'node:fs';

/**
 * Puts a file's times back as `cp -p` or `rsync -t` do. From the *Ms fields, in seconds: the Date
 * fields of Stats are rounded to the millisecond (Node 20 rounds 123.5 ms up to 124), which would
 * move the mtime instead of restoring it.
 */
export function putTimesBack(file: string, before: Stats): void {
  utimesSync(file, before.atimeMs / 1000, before.mtimeMs / 1000);
}
