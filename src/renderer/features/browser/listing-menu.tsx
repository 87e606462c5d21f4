import { ClipboardCopy, Copy, Download, Eye, FolderInput, FolderOpen, FolderPlus, Pencil, RefreshCw, Trash2 } from 'lucide-react';
import type { MenuEntry } from '../../ui/ContextMenu';
import type { FolderCommands } from './folder-commands';
import type { ListingRow } from './listing-rows';

const size = 14;

/**
 * The context menu for the selection (or for the folder itself when right-clicking empty space).
 * Every entry works on the whole selection except Open, Preview and Rename, which need one item.
 */
export function listingMenuEntries(commands: FolderCommands, selected: readonly ListingRow[]): MenuEntry[] {
  const folderEntries: MenuEntry[] = [
    { id: 'new-folder', label: 'New folder…', icon: <FolderPlus size={size} />, onSelect: commands.newFolder },
    { id: 'refresh', label: 'Refresh', icon: <RefreshCw size={size} />, shortcut: 'F5', onSelect: commands.refresh },
    { id: 'copy-path', label: 'Copy folder path', icon: <ClipboardCopy size={size} />, onSelect: commands.copyFolderPath },
  ];
  const first = selected[0];
  if (!first) return folderEntries;
  const one = selected.length === 1 ? first : undefined;
  const hasRoot = selected.some((r) => r.root);
  const rootHint = 'A root of this connection: change roots in the connection settings.';
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
    { id: 'download', label: 'Download…', icon: <Download size={size} />, onSelect: commands.download },
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
    {
      id: 'rename',
      label: 'Rename…',
      icon: <Pencil size={size} />,
      shortcut: 'F2',
      disabled: !one || hasRoot,
      hint: hasRoot ? rootHint : undefined,
      onSelect: commands.rename,
    },
    { id: 'delete', label: 'Delete…', icon: <Trash2 size={size} />, shortcut: 'Del', danger: true, onSelect: commands.delete },
    'separator',
    {
      id: 'copy-key',
      label: selected.length === 1 ? 'Copy key' : 'Copy keys',
      icon: <ClipboardCopy size={size} />,
      shortcut: 'Ctrl+Shift+C',
      onSelect: commands.copyKeys,
    },
    ...folderEntries,
  ];
}
