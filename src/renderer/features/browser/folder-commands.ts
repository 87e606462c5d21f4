import type { ListEntry } from '../../../shared/model/bucket';
import { maxBulkEditFolders, maxDownloadFolders, maxSelection, type ActionRequest } from '../folder-actions/action-request';
import { parentPrefix } from '../../../shared/model/keys';
import type { ListingRow } from './listing-rows';

/** What the folder view can do with its selection; shared by the keyboard, the menu and the toolbar. */
export interface FolderCommands {
  open: (row: ListingRow) => void;
  preview: (entry: ListEntry) => void;
  parent: () => void;
  newFolder: () => void;
  refresh: () => void;
  delete: () => void;
  rename: () => void;
  move: () => void;
  copy: () => void;
  download: () => void;
  /** Cache-Control and/or canned ACL over the selection (files, and folders recursively). */
  editHeaders: () => void;
  copyKeys: () => void;
  copyFolderPath: () => void;
}

export interface FolderCommandDeps {
  bucket: string;
  prefix: string;
  /** The selection in view order (what actions act on). */
  selectedRows: () => readonly ListingRow[];
  navigate: (prefix: string) => void;
  setPreview: (entry: ListEntry) => void;
  request: (action: ActionRequest) => void;
  refresh: () => void;
  notify: (message: string) => void;
}

function copyText(text: string, done: string, notify: (message: string) => void): void {
  navigator.clipboard.writeText(text).then(
    () => notify(done),
    () => notify('The clipboard refused the text. Click in the window first, then try again.'),
  );
}

/**
 * Commands over the current selection. Roots cannot be renamed or moved from here (they are the
 * connection's settings); selections over the channel limit are refused with a way forward.
 */
export function createFolderCommands(deps: FolderCommandDeps): FolderCommands {
  const { bucket, prefix, selectedRows, navigate, setPreview, request, refresh, notify } = deps;
  const keys = () => selectedRows().map((r) => r.entry.key);
  const withLimit = (run: (keys: string[]) => void) => {
    const chosen = keys();
    if (chosen.length === 0) return;
    if (chosen.length > maxSelection) {
      notify(
        `Select at most ${maxSelection.toLocaleString()} items at once. To act on a whole folder, select the folder itself in its parent.`,
      );
      return;
    }
    run(chosen);
  };
  const single = (): ListingRow | undefined => {
    const rows = selectedRows();
    return rows.length === 1 ? rows[0] : undefined;
  };
  return {
    open: (row) => (row.entry.kind === 'folder' ? navigate(row.entry.key) : setPreview(row.entry)),
    preview: setPreview,
    parent: () => {
      if (prefix !== '') navigate(parentPrefix(prefix));
    },
    newFolder: () => request({ kind: 'newFolder', parentPrefix: prefix }),
    refresh,
    delete: () => withLimit((chosen) => request({ kind: 'delete', keys: chosen })),
    rename: () => {
      const row = single();
      if (!row) {
        notify('Select one item to rename.');
        return;
      }
      if (row.root) {
        notify('This is one of the connection’s roots. Change the roots in the connection’s settings instead.');
        return;
      }
      request({ kind: 'rename', key: row.entry.key });
    },
    move: () => withLimit((chosen) => request({ kind: 'move', keys: chosen, fromPrefix: prefix })),
    copy: () => withLimit((chosen) => request({ kind: 'copy', keys: chosen, fromPrefix: prefix })),
    download: () =>
      withLimit((chosen) => {
        if (chosen.filter((k) => k.endsWith('/')).length > maxDownloadFolders) {
          notify(`Download at most ${maxDownloadFolders.toLocaleString()} folders at once, or download their parent folder.`);
          return;
        }
        request({ kind: 'download', keys: chosen });
      }),
    editHeaders: () =>
      withLimit((chosen) => {
        if (chosen.filter((k) => k.endsWith('/')).length > maxBulkEditFolders) {
          notify(`Edit at most ${maxBulkEditFolders.toLocaleString()} folders at once, or edit their parent folder.`);
          return;
        }
        request({ kind: 'bulkEdit', keys: chosen });
      }),
    copyKeys: () => {
      const chosen = keys();
      if (chosen.length === 0) return;
      copyText(chosen.join('\n'), chosen.length === 1 ? 'Copied the key.' : `Copied ${chosen.length.toLocaleString()} keys.`, notify);
    },
    copyFolderPath: () => copyText(`s3://${bucket}/${prefix}`, 'Copied the folder’s path.', notify),
  };
}
