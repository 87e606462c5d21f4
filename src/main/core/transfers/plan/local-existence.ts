import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/** What a download plan says about a local file already at a planned name. */
export interface LocalFile {
  size: number;
  lastModified: string;
}

/** Fewer planned files than this in a folder get an lstat each: cheaper than listing a large folder for one or two names. */
const lstatBelow = 4;

/**
 * Which of `files` already exist, with their size and mtime: one readdir per folder, then an
 * lstat only for the names found there. An lstat per planned file, one after the other, was
 * 2,000 sequential file-system round trips before a folder of 2,000 small files could start.
 * The listing only picks candidates; each is confirmed by lstat, which asks the file system
 * itself. Candidates match case- and Unicode-insensitively on every host, so a case-folding
 * volume (FAT or exFAT on Linux, APFS, NTFS) still finds `Photo.JPG` for `photo.jpg`. A name the
 * file system resolves that no listing shows (a Windows 8.3 short name) is not asked about here;
 * the write itself still never replaces it unasked (`download/download-files.ts`).
 */
export async function findLocalFiles(files: readonly string[]): Promise<Map<string, LocalFile>> {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const dir = path.dirname(file);
    const list = byFolder.get(dir);
    if (list) list.push(file);
    else byFolder.set(dir, [file]);
  }
  const found = new Map<string, LocalFile>();
  for (const [dir, inDir] of byFolder) {
    const candidates = inDir.length < lstatBelow ? inDir : await listedCandidates(dir, inDir);
    for (const file of candidates) {
      const info = await lstat(file).catch(() => undefined);
      if (info) found.set(file, { size: info.size, lastModified: info.mtime.toISOString() });
    }
  }
  return found;
}

const fold = (name: string) => name.normalize('NFC').toLowerCase();

/** The files of `inDir` whose names the folder's listing shows; all of them when it cannot be listed (e.g. searchable but not readable). */
async function listedCandidates(dir: string, inDir: string[]): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No folder there yet (or a file in its place): nothing in it can exist.
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    return inDir;
  }
  const present = new Set(names.map(fold));
  return inDir.filter((file) => present.has(fold(path.basename(file))));
}
