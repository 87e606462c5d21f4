import {
  ClipboardCopy,
  Copy,
  Download,
  Eye,
  FileCog,
  FileUp,
  FolderInput,
  FolderOpen,
  FolderPlus,
  FolderUp,
  Pencil,
  RefreshCw,
  Trash2,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { contextCommands, type CommandId, type ContextPlacement } from '../../../shared/commands/command-table';
import type { MenuEntry } from '../../ui/ContextMenu';
import { commandMenuEntry } from '../../ui/commands/command-menu-entry';
import type { FolderCommands } from './folder-commands';
import type { ListingRow } from './listing-rows';

const size = 14;
const icons: Partial<Record<CommandId, ReactNode>> = {
  download: <Download size={size} />,
  rename: <Pencil size={size} />,
  delete: <Trash2 size={size} />,
  'new-folder': <FolderPlus size={size} />,
  refresh: <RefreshCw size={size} />,
  'upload-files': <FileUp size={size} />,
  'upload-folder': <FolderUp size={size} />,
};

/** The table's commands for one placement, as menu entries (`copy-link` comes with the share group, `copy-keys` with the copy-text ones). */
function tableEntries(placement: ContextPlacement, platform: string, skip: readonly CommandId[] = []): MenuEntry[] {
  return contextCommands(placement)
    .filter((c) => !skip.includes(c.id))
    .map((c) => commandMenuEntry(c.id, platform, icons[c.id]));
}

/**
 * The context menu for the selection (or for the folder itself when right-clicking empty space).
 * The command table's entries (placement `row` and `folder`) come from it with their shortcuts;
 * Open, Preview, Copy to, Move to and the copy-text entries are the listing's own.
 */
export function listingMenuEntries(commands: FolderCommands, selected: readonly ListingRow[], platform: string): MenuEntry[] {
  const folderEntries: MenuEntry[] = [
    ...tableEntries('folder', platform),
    { id: 'copy-path', label: 'Copy folder path', icon: <ClipboardCopy size={size} />, onSelect: commands.copyFolderPath },
  ];
  const first = selected[0];
  if (!first) return folderEntries;
  const one = selected.length === 1 ? first : undefined;
  const hasRoot = selected.some((r) => r.root);
  const rootHint = 'A root of this connection: change roots in the connection settings.';
  const [download, ...changes] = tableEntries('row', platform, ['copy-link', 'copy-keys']);
  return [
    {
      id: 'open',
      label: 'Open',
      icon: <FolderOpen size={size} />,
      shortcut: 'Enter',
      disabled: !one,
      onSelect: () => one && commands.open(one),
    },
    {
      id: 'preview',
      label: 'Preview',
      icon: <Eye size={size} />,
      disabled: one?.entry.kind !== 'object',
      onSelect: () => one && commands.preview(one.entry),
    },
    ...(download ? [download] : []),
    'separator',
    { id: 'copy', label: 'Copy to…', icon: <Copy size={size} />, onSelect: commands.copy },
    {
      id: 'move',
      label: 'Move to…',
      icon: <FolderInput size={size} />,
      disabled: hasRoot,
      hint: hasRoot ? rootHint : undefined,
      onSelect: commands.move,
    },
    { id: 'edit-headers', label: 'Edit headers & access…', icon: <FileCog size={size} />, onSelect: commands.editHeaders },
    ...changes,
    'separator',
    { ...commandMenuEntry('copy-keys', platform, <ClipboardCopy size={size} />), label: selected.length === 1 ? 'Copy key' : 'Copy keys' },
    'separator',
    ...folderEntries,
  ];
}
