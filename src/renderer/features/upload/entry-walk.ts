/*
 * Walking a dropped folder with the browser's File and Directory Entries API
 * (`DataTransferItem.webkitGetAsEntry()`), typed as small interfaces so the walk is testable with
 * fake entries. Nothing here touches the DOM.
 */

/** The part of `FileSystemEntry` the walk uses. */
export interface EntryLike {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

/** `FileSystemFileEntry`: hands over its File asynchronously. */
export interface FileEntryLike<F> extends EntryLike {
  isFile: true;
  isDirectory: false;
  file(success: (file: F) => void, failure?: (error: unknown) => void): void;
}

/** `FileSystemDirectoryEntry`: its reader returns children in batches until an empty one. */
export interface DirectoryEntryLike<F> extends EntryLike {
  isFile: false;
  isDirectory: true;
  createReader(): { readEntries(success: (entries: AnyEntry<F>[]) => void, failure?: (error: unknown) => void): void };
}

export type AnyEntry<F> = FileEntryLike<F> | DirectoryEntryLike<F>;

/** A file found in a drop, with its path relative to the drop (`Shoot/raw/a.mov`). */
export interface RelativeFile<F> {
  file: F;
  relativePath: string;
}

/** Something in the drop that could not be read; the rest goes ahead. */
export interface DropProblem {
  path: string;
  message: string;
}

export interface WalkResult<F> {
  files: RelativeFile<F>[];
  problems: DropProblem[];
}

/** OS clutter nobody means to upload; the planner leaves it out too, this saves staging it. */
const clutter = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Most files one drop may hold, as the planner accepts (200,000). */
export const maxDropFiles = 200_000;

function describe(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'NotFoundError') return 'It was moved or deleted after it was dropped. Drop it again.';
  if (name === 'NotReadableError' || name === 'SecurityError')
    return 'It cannot be read (permissions, or it is in use). Check it, then drop it again.';
  return 'It could not be read. Check it, then drop it again.';
}

function fileOf<F>(entry: FileEntryLike<F>): Promise<F> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readBatch<F>(reader: ReturnType<DirectoryEntryLike<F>['createReader']>): Promise<AnyEntry<F>[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

/** All children of a directory: `readEntries` returns at most ~100 per call, so call until empty. */
async function readAll<F>(dir: DirectoryEntryLike<F>): Promise<AnyEntry<F>[]> {
  const reader = dir.createReader();
  const all: AnyEntry<F>[] = [];
  for (;;) {
    const batch = await readBatch(reader);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/**
 * Every file under the dropped entries, depth first, with relative paths that keep the dropped
 * folder names. Unreadable files or folders become problems; the walk goes on without them.
 */
export async function walkEntries<F>(roots: readonly AnyEntry<F>[], limit = maxDropFiles): Promise<WalkResult<F>> {
  const files: RelativeFile<F>[] = [];
  const problems: DropProblem[] = [];
  const visit = async (entry: AnyEntry<F>, parent: string): Promise<void> => {
    const path = parent ? `${parent}/${entry.name}` : entry.name;
    if (files.length >= limit) {
      if (problems.at(-1)?.message !== tooMany) problems.push({ path, message: tooMany });
      return;
    }
    if (entry.isFile) {
      if (clutter.has(entry.name)) return;
      try {
        files.push({ file: await fileOf(entry), relativePath: path });
      } catch (error) {
        problems.push({ path, message: describe(error) });
      }
      return;
    }
    let children: AnyEntry<F>[];
    try {
      children = await readAll(entry);
    } catch (error) {
      problems.push({ path, message: `This folder could not be listed. ${describe(error)}` });
      return;
    }
    for (const child of children) await visit(child, path);
  };
  for (const root of roots) await visit(root, '');
  return { files, problems };
}

const tooMany = `A drop holds at most ${maxDropFiles.toLocaleString('en')} files; the rest was left out. Upload it in several drops.`;

/**
 * The relative path of a File that came without an entry: `webkitRelativePath` (a folder picked
 * with <input webkitdirectory>), else the name from an explicit path list, else its own name.
 */
export function relativePathOf(file: { name: string; webkitRelativePath?: string }, explicit?: string): string {
  const fromInput = file.webkitRelativePath ?? '';
  if (fromInput) return fromInput;
  if (explicit && explicit.trim() !== '') return explicit.replace(/^\/+/, '');
  return file.name;
}

/** Files with paths that appear twice in one drop keep only the first (staging refuses duplicates). */
export function dedupeByPath<F>(files: readonly RelativeFile<F>[]): { files: RelativeFile<F>[]; problems: DropProblem[] } {
  const seen = new Set<string>();
  const out: RelativeFile<F>[] = [];
  const problems: DropProblem[] = [];
  for (const f of files) {
    if (seen.has(f.relativePath)) {
      problems.push({ path: f.relativePath, message: 'The same name was dropped twice; only the first one is uploaded.' });
      continue;
    }
    seen.add(f.relativePath);
    out.push(f);
  }
  return { files: out, problems };
}

/** The distinct top-level roots of staged files, in first-seen order, for `transfers:planUpload`. */
export function distinctRoots(staged: readonly { root: string }[]): string[] {
  return [...new Set(staged.map((s) => s.root))];
}
