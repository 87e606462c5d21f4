import { constants, type Stats } from 'node:fs';
import { access, lstat, opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PlanProblem } from '../../../shared/model/transfer';
import { describeFsError } from './fs-errors';

/** A regular file found under a dropped or picked path. */
export interface LocalFile {
  absPath: string;
  /** Path relative to the dropped item's parent, `/`-separated: the dropped folder's name comes first. */
  relPath: string;
  size: number;
  mtimeMs: number;
}

export interface WalkResult {
  files: LocalFile[];
  problems: PlanProblem[];
  /** Operating-system clutter skipped on purpose. */
  ignored: number;
}

/** Files nobody means to publish: Finder and Explorer metadata. */
const ignoredNames = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export interface WalkOptions {
  maxFiles: number;
  signal?: AbortSignal;
}

/**
 * Expands dropped paths into files, keeping each file's path relative to what was dropped.
 * A dropped or picked item that is itself a symlink is followed (the user chose what they see).
 * Symlinks inside a dropped folder are not followed (like rclone without `--copy-links`): each
 * is reported as left out, so a link to `~/.ssh` inside a folder never uploads what it points
 * to, and no link can lead the walk in circles. Problems are reported per path; the walk goes on.
 */
export async function walkLocalPaths(paths: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], problems: [], ignored: 0 };
  const walker = new Walker(result, options);
  for (const top of paths) {
    const abs = path.resolve(top);
    await walker.visit(abs, path.basename(abs), new Set(), true);
    if (walker.full) break;
  }
  return result;
}

class Walker {
  full = false;
  private readonly seen = new Set<string>();

  constructor(
    private readonly result: WalkResult,
    private readonly options: WalkOptions,
  ) {}

  /**
   * Visits one path: a dropped item (`top`, followed if it is a link) or something found inside
   * one (never followed). `ancestors` holds the dev:ino of every folder above it: without links
   * only a bind mount could bring the walk back to one of them.
   */
  async visit(abs: string, rel: string, ancestors: ReadonlySet<string>, top: boolean): Promise<void> {
    this.options.signal?.throwIfAborted();
    const info = top ? await this.statFollowing(abs) : await this.statHere(abs);
    if (!info) return;
    if (info.isSymbolicLink()) {
      this.problem(
        abs,
        'Symlink',
        `${abs} is a symbolic link inside a dropped folder; links there are not followed, so it was left out. Drop what it points to instead if you mean to upload it.`,
      );
    } else if (info.isDirectory()) {
      await this.visitDirectory(abs, rel, info, ancestors);
    } else if (info.isFile()) {
      await this.addFile(abs, rel, info);
    } else {
      this.problem(abs, 'NotAFile', `${abs} is not a regular file (a pipe, socket or device), so it was left out.`);
    }
  }

  private async visitDirectory(abs: string, rel: string, info: Stats, ancestors: ReadonlySet<string>): Promise<void> {
    const id = `${info.dev}:${info.ino}`;
    if (ancestors.has(id)) {
      this.problem(abs, 'SymlinkLoop', `${abs} leads back to a folder that contains it (a loop through a mount), so it was not entered.`);
      return;
    }
    const below = new Set(ancestors).add(id);
    let names: string[];
    try {
      const dir = await opendir(abs);
      names = [];
      for await (const entry of dir) names.push(entry.name);
    } catch (error) {
      this.problem(abs, 'Unreadable', describeFsError(error, abs, 'read the folder'));
      return;
    }
    names.sort();
    for (const name of names) {
      if (this.full) return;
      if (ignoredNames.has(name)) {
        this.result.ignored += 1;
        continue;
      }
      await this.visit(path.join(abs, name), `${rel}/${name}`, below, false);
    }
  }

  private async addFile(abs: string, rel: string, info: Stats): Promise<void> {
    // The same file dropped twice is one file. Two different files with one relative path (two
    // dropped folders of one name) both go on: the planner reports the clash of their keys.
    const identity = `${abs}\0${rel}`;
    if (this.seen.has(identity)) return;
    if (this.result.files.length >= this.options.maxFiles) {
      this.full = true;
      this.problem(
        abs,
        'TooMany',
        `More than ${this.options.maxFiles.toLocaleString('en-US')} files were dropped; the rest were left out. Upload them in a second batch.`,
      );
      return;
    }
    try {
      await access(abs, constants.R_OK);
    } catch (error) {
      this.problem(abs, 'Unreadable', describeFsError(error, abs, 'read the file'));
      return;
    }
    this.seen.add(identity);
    this.result.files.push({ absPath: abs, relPath: rel, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
  }

  /** lstat() of something inside a dropped folder: a link is seen as a link. */
  private async statHere(abs: string): Promise<Stats | undefined> {
    try {
      return await lstat(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.problem(abs, code === 'ENOENT' ? 'NotFound' : 'Unreadable', describeFsError(error, abs, 'open'));
      return undefined;
    }
  }

  /** stat() of a dropped item through a symlink, reporting broken links and loops instead of throwing. */
  private async statFollowing(abs: string): Promise<Stats | undefined> {
    try {
      return await stat(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        this.problem(abs, 'SymlinkLoop', `${abs} is a symlink that points back to itself (a loop), so it was left out.`);
      } else if (code === 'ENOENT' && (await isSymlink(abs))) {
        this.problem(abs, 'NotFound', `${abs} is a symlink to something that no longer exists, so it was left out.`);
      } else {
        this.problem(abs, code === 'ENOENT' ? 'NotFound' : 'Unreadable', describeFsError(error, abs, 'open'));
      }
      return undefined;
    }
  }

  private problem(p: string, code: PlanProblem['code'], message: string): void {
    this.result.problems.push({ path: p, code, message });
  }
}

async function isSymlink(abs: string): Promise<boolean> {
  try {
    return (await lstat(abs)).isSymbolicLink();
  } catch {
    return false;
  }
}
