import type { NativeFiles } from '../../../shared/api-surface';
import { dedupeByPath, relativePathOf, walkEntries, type AnyEntry, type DropProblem, type RelativeFile } from './entry-walk';

/**
 * What a drop or a pick gives the upload flow, whichever host runs the page: disk paths (Electron:
 * main reads the files itself), or File objects with relative paths (the browser host: each is
 * sent to the host's staging route first). Everything after this point is one code path.
 */
export type DroppedSources =
  { kind: 'paths'; paths: string[]; problems: DropProblem[] } | { kind: 'files'; files: RelativeFile<File>[]; problems: DropProblem[] };

/**
 * A drag source that is not the operating system (another part of this page, a test) may list
 * each file's relative path, in `files` order, as JSON under this type.
 */
export const relativePathsType = 'application/x-bucket-admin-paths';

/** What a drop event holds, read synchronously: its items are unreadable once the handler returns. */
export interface CapturedDrop {
  /** Entries of dropped files and folders, where the browser gives them (a real OS drop). */
  entries: AnyEntry<File>[];
  /** Every dropped File, in order (folders appear here as Files too, e.g. for Electron's paths). */
  files: File[];
  explicitPaths: string[] | null;
}

function parseExplicit(raw: string): string[] | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

/** True when a drag carries files (not text or a link), so only then do we show a drop target. */
export function dragHasFiles(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer?.types.includes('Files') ?? false;
}

/** Reads the drop event's data at once (call inside the `drop` handler). */
export function captureDrop(dataTransfer: DataTransfer): CapturedDrop {
  const entries: AnyEntry<File>[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry && (entry.isFile || entry.isDirectory)) entries.push(entry as unknown as AnyEntry<File>);
  }
  const files = Array.from(dataTransfer.files);
  const explicitPaths = parseExplicit(dataTransfer.getData(relativePathsType));
  // Entries are walked only when every file has one and no explicit paths say better.
  const walkable = explicitPaths === null && entries.length === files.length;
  return { entries: walkable ? entries : [], files, explicitPaths };
}

/**
 * Electron: each dropped File (folders included) resolved to its disk path. A File with no path
 * (dragged out of another app's memory, not from disk) cannot be uploaded by path. Pure.
 */
export function nativePaths(
  files: readonly { name: string }[],
  pathOf: (file: { name: string }) => string,
): { paths: string[]; problems: DropProblem[] } {
  const paths: string[] = [];
  const problems: DropProblem[] = [];
  for (const file of files) {
    const path = pathOf(file);
    if (path) paths.push(path);
    else
      problems.push({
        path: file.name,
        message: 'This item is not a file on disk (it was dragged from another app). Save it to a folder first, then drop it.',
      });
  }
  return { paths: [...new Set(paths)], problems };
}

/** Files without entries: relative paths from `webkitRelativePath` or the explicit list. Pure. */
export function looseFiles<F extends { name: string; webkitRelativePath?: string }>(
  files: readonly F[],
  explicit: readonly string[] | null,
): RelativeFile<F>[] {
  return files.map((file, index) => ({ file, relativePath: relativePathOf(file, explicit?.[index]) }));
}

/** Turns a captured drop into sources, walking dropped folders where the browser gave entries. */
export async function resolveDrop(captured: CapturedDrop, native: NativeFiles | undefined): Promise<DroppedSources> {
  if (native) return { kind: 'paths', ...nativePaths(captured.files, (f) => native.pathForFile(f)) };
  const walked =
    captured.entries.length > 0
      ? await walkEntries(captured.entries)
      : { files: looseFiles(captured.files, captured.explicitPaths), problems: [] };
  const unique = dedupeByPath(walked.files);
  return { kind: 'files', files: unique.files, problems: [...walked.problems, ...unique.problems] };
}

/** Files picked with an <input type=file> (with `webkitdirectory`, they carry relative paths). */
export function sourcesFromInput(list: FileList | null): DroppedSources {
  const unique = dedupeByPath(looseFiles(Array.from(list ?? []), null));
  return { kind: 'files', files: unique.files, problems: unique.problems };
}
