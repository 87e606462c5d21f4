import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * Writes that stay inside a folder the user chose, even when something in it is a symlink:
 * S3 keys decide the names, and a link planted where a key's folder or file goes (`photos ->
 * ~/.config/autostart`) must not carry the bytes outside. Node has no `openat`/`mkdirat`, so each
 * folder level is created and checked by path (lstat, then the real path), and files are opened
 * with `O_NOFOLLOW`. A refusal is an AppError the user can act on; nothing is written.
 */

// Windows has no O_NOFOLLOW (its symlinks are rare and need privileges); the lstat checks remain.
// Node's types declare it everywhere, but it is undefined there.
const noFollow = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;

/** The chosen folder may itself be a link (the user picked it): only what is below it is checked. */
function relativeSegments(root: string, target: string): string[] {
  const rel = path.relative(root, target);
  if (rel === '') return [];
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new AppError('Forbidden', `${target} is outside the download folder ${root}, so nothing was written there.`, {
      file: target,
      root,
    });
  }
  return rel.split(path.sep);
}

function linkRefusal(link: string, root: string): AppError {
  return new AppError(
    'Forbidden',
    `${link} inside the download folder is a symbolic link, and downloads never write through links (it could point outside ${root}). Nothing was written. Remove or rename the link, then retry.`,
    { file: link, root, fsCode: 'ELOOP' },
  );
}

function isInside(real: string, rootReal: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

/**
 * Creates `dir` and the folders between it and `root`, one level at a time, refusing any level
 * that is a symlink or not a folder, then checks the result's real path is inside the root's.
 * Other failures (permission, full disk) are thrown as the file system gave them.
 */
export async function makeFolderInside(root: string, dir: string): Promise<void> {
  const rootReal = rootReals.get(root) ?? (await realRoot(root));
  let current = root;
  for (const segment of relativeSegments(root, dir)) {
    current = path.join(current, segment);
    const info = await lstatOrCreate(current);
    if (info.isSymbolicLink()) throw linkRefusal(current, root);
    if (!info.isDirectory()) {
      throw new AppError(
        'Conflict',
        `${current} is a file where the download needs a folder, so nothing was written there. Rename or move that file, then retry.`,
        { file: current },
      );
    }
  }
  // Each level was a real folder when checked; this catches one swapped for a link meanwhile.
  const real = await realpath(dir);
  if (isInside(real, rootReal)) return;
  // The remembered root may be stale (the chosen folder is a link that now points elsewhere): ask again before refusing.
  if (!isInside(real, await realRoot(root))) throw linkRefusal(dir, root);
}

/**
 * The chosen folders' real paths, remembered: a download checks its folder twice per file, and
 * realpath() walks every level of the path each time (a tenth of the CPU of 2,000 small files).
 * A stale entry admits only the real folder the chosen one resolved to before, and is refreshed
 * before anything is refused.
 */
const rootReals = new Map<string, string>();

async function realRoot(root: string): Promise<string> {
  const real = await realpath(root);
  if (rootReals.size >= 64) rootReals.clear();
  rootReals.set(root, real);
  return real;
}

/** lstat of a folder level, created first when missing (mkdir never follows a link at its own name). */
async function lstatOrCreate(dir: string): Promise<Stats> {
  try {
    return await lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await mkdir(dir);
  } catch (error) {
    // Created meanwhile by a parallel download into the same folder: checked below like any other.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return lstat(dir);
}

/**
 * Opens a new file for writing with `O_CREAT | O_EXCL | O_NOFOLLOW`: never an existing file (a
 * hard link to one elsewhere would be written through) nor a link. A regular file already at
 * the name (an earlier attempt's temp file) is removed first; a link there is refused.
 */
export async function createFileNoFollow(file: string, root: string): Promise<FileHandle> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow;
  try {
    return await open(file, flags, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const info = await lstat(file);
  if (!info.isFile())
    throw info.isSymbolicLink()
      ? linkRefusal(file, root)
      : new AppError('Conflict', `${file} is in the way of the download (not a file). Remove it, then retry.`, { file });
  await unlink(file);
  return open(file, flags, 0o666);
}

/**
 * Opens an existing file for positional writes (a paused download's temp file), refusing a link
 * (`O_NOFOLLOW`) and anything but a regular file with no other hard link.
 */
export async function openExistingNoFollow(file: string, root: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDWR | noFollow);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkRefusal(file, root);
    throw error;
  }
  const info = await handle.stat();
  if (!info.isFile() || info.nlink !== 1) {
    await handle.close();
    throw new AppError('Conflict', `${file} is not the partial download Bucket Admin left there. Remove it, then retry.`, { file });
  }
  return handle;
}
