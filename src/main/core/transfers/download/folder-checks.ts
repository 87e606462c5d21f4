import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { makeFolderInside } from '../../files/contained-writes';

/**
 * The containment check of a download's folder, made cheap for the many files of one folder.
 * The full check (`makeFolderInside`: every level lstat'ed and created where missing, then the
 * real path compared with the chosen folder's) costs a file-system round trip per level plus
 * one, and ran twice per file: for 2,000 small files that was a fifth of the engine's trips.
 * Once a folder passed it, its real path is remembered; a later check of that folder is one
 * `realpath()` that must give that same real path, so the bytes land in the very folder that was
 * checked. Anything else (a level removed, swapped for a link, the chosen folder re-pointed) runs
 * the full check again, which recreates the folder or refuses the link as before.
 */
export class FolderChecks {
  private readonly reals = new Map<string, string>();

  constructor(private readonly keep = 4096) {}

  async ensure(root: string, dir: string): Promise<void> {
    const key = `${root}\0${dir}`;
    const known = this.reals.get(key);
    if (known !== undefined && (await realpath(dir).catch(() => undefined)) === known) return;
    this.reals.delete(key);
    await makeFolderInside(root, dir);
    // Remembered only when it is (still) inside the chosen folder's real path, checked here, not assumed.
    const [real, rootReal] = await Promise.all([realpath(dir), realpath(root)]);
    // Swapped just now: the full check again, which refuses it.
    if (!isInside(real, rootReal)) return makeFolderInside(root, dir);
    if (this.reals.size >= this.keep) this.reals.clear();
    this.reals.set(key, real);
  }
}

function isInside(real: string, rootReal: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

/** The engine's checks (one per process, like the chosen folders they check). */
export const downloadFolders = new FolderChecks();
