import { useCommandHandler, type CommandOrigin } from '../../ui/commands/command-registry';
import type { FolderCommands } from './folder-commands';
import type { ListingRow } from './listing-rows';

export interface FolderCommandHandlers {
  commands: FolderCommands;
  selectedRows: readonly ListingRow[];
  focusFilter: () => void;
  selectAll: () => void;
  toggleInspector: () => void;
  /** Upload files or a folder into the open folder (absent where uploads are not offered). */
  pick?: (what: 'files' | 'folder', origin: CommandOrigin) => void;
}

const selectFirst = 'Select one or more items first.';

/** Text inputs keep their own Select all: the menu's command selects the field's text there. */
function selectFieldText(): boolean {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    active.select();
    return true;
  }
  return false;
}

/** The open folder's table commands (menu, keys, palette, context menu), registered while it is on screen. */
export function useFolderCommandHandlers(h: FolderCommandHandlers): void {
  const { commands, selectedRows } = h;
  const none = () => (selectedRows.length === 0 ? selectFirst : null);
  useCommandHandler('refresh', commands.refresh);
  useCommandHandler('find', h.focusFilter);
  useCommandHandler('new-folder', commands.newFolder);
  useCommandHandler('download', commands.download, none);
  useCommandHandler('delete', commands.delete, none);
  useCommandHandler('copy-keys', commands.copyKeys, none);
  useCommandHandler('rename', commands.rename, () => {
    if (selectedRows.length !== 1) return 'Select one item to rename.';
    return selectedRows[0]?.root ? 'A root of this connection: change roots in the connection settings.' : null;
  });
  useCommandHandler('select-all', () => {
    if (!selectFieldText()) h.selectAll();
  });
  useCommandHandler('toggle-inspector', h.toggleInspector);
  const unavailable = () => (h.pick ? null : 'Uploads are not available here.');
  useCommandHandler('upload-files', (origin) => h.pick?.('files', origin), unavailable);
  useCommandHandler('upload-folder', (origin) => h.pick?.('folder', origin), unavailable);
}
