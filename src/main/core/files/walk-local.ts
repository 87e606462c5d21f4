import { constants, type Stats } from 'node:fs';
import { access, lstat, opendir, realpath, stat } from 'node:fs/promises';
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
 * Symlinks are followed (the user dropped what they see); a link back into its own ancestry is
 * reported as a loop and not entered. Problems are reported per path; the walk goes on.
 */
export async function walkLocalPaths(paths: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], problems: [], ignored: 0 };
  const seen = new Set<string>();
  const walker = new Walker(result, options, seen);
  for (const top of paths) {
    const abs = path.resolve(top);
    await walker.visit(abs, path.basename(abs), new Set(), undefined);
    if (walker.full) break;
  }
  return result;
}

class Walker {
  full = false;

  constructor(
    private readonly result: WalkResult,
    private readonly options: WalkOptions,
    private readonly seen: Set<string>,
  ) {}

  /**
   * Visits one path. `ancestors` holds the dev:ino of every directory above it and `parentReal`
   * the real path of its folder, for loop detection.
   */
  async visit(abs: string, rel: string, ancestors: ReadonlySet<string>, parentReal: string | undefined): Promise<void> {
    this.options.signal?.throwIfAborted();
    const info = await this.statFollowing(abs);
    if (!info) return;
    if (info.isDirectory()) {
      await this.visitDirectory(abs, rel, info, ancestors, parentReal);
    } else if (info.isFile()) {
      await this.addFile(abs, rel, info);
    } else {
      this.problem(abs, 'NotAFile', `${abs} is not a regular file (a pipe, socket or device), so it was left out.`);
    }
  }

  private async visitDirectory(abs: string, rel: string, info: Stats, ancestors: ReadonlySet<string>, parentReal: string | undefined): Promise<void> {
    const id = `${info.dev}:${info.ino}`;
    let real: string;
    try {
      real = await realpath(abs);
    } catch (error) {
      this.problem(abs, 'Unreadable', describeFsError(error, abs, 'read the folder'));
      return;
    }
    // A link to the folder itself or to any folder containing it would lead back here.
    const leadsBack = parentReal !== undefined && (parentReal === real || parentReal.startsWith(real + path.sep));
    if (ancestors.has(id) || leadsBack) {
      this.problem(abs, 'SymlinkLoop', `${abs} links back to a folder that contains it (a symlink loop), so it was not entered.`);
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
      await this.visit(path.join(abs, name), `${rel}/${name}`, below, real);
    }
  }

  private async addFile(abs: string, rel: string, info: Stats): Promise<void> {
    // The same file dropped twice is one file. Two different files with one relative path (two
    // dropped folders of one name) both go on: the planner reports the clash of their keys.
    const identity = `${abs}\0${rel}`;
    if (this.seen.has(identity)) return;
    if (this.result.files.length >= this.options.maxFiles) {
      this.full = true;
      this.problem(abs, 'TooMany', `More than ${this.options.maxFiles.toLocaleString('en-US')} files were dropped; the rest were left out. Upload them in a second batch.`);
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

  /** stat() through symlinks, reporting broken links and loops instead of throwing. */
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
