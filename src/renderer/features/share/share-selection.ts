import type { ListEntry } from '../../../shared/model/bucket';

/** What a selection offers to share: its files' keys, and the folder an upload link would target. */
export interface ShareSelection {
  objectKeys: string[];
  /** The one selected folder, or the open folder when nothing is selected; null otherwise. */
  uploadPrefix: string | null;
  /** Folders in the selection that have no download link. */
  folderCount: number;
}

/**
 * Reads a selection for sharing. At the bucket's top (prefix '') an upload link defaults to the
 * private root, so nobody hands out a link that writes beside `public/` by accident. Pure.
 */
export function shareSelection(entries: readonly ListEntry[], openPrefix: string, privateRoot: string): ShareSelection {
  const objectKeys = entries.filter((e) => e.kind === 'object').map((e) => e.key);
  const folders = entries.filter((e) => e.kind === 'folder');
  const only = entries.length === 1 ? entries[0] : undefined;
  const uploadPrefix = entries.length === 0 ? openPrefix || privateRoot : only?.kind === 'folder' ? only.key : null;
  return { objectKeys, uploadPrefix, folderCount: folders.length };
}
