import type { ReactNode } from 'react';
import { commandById, shortcutLabelFor, type CommandId } from '../../../shared/commands/command-table';
import type { MenuEntry } from '../ContextMenu';
import { commandDisabledReason, dispatchCommand } from './command-registry';

/**
 * A context-menu entry for a table command: its label, shortcut and danger from the table, its
 * state from the registry, and selecting it dispatches the command like the menu bar does.
 */
export function commandMenuEntry(id: CommandId, platform: string, icon?: ReactNode): Exclude<MenuEntry, 'separator'> {
  const spec = commandById(id);
  const shortcut = shortcutLabelFor(id, platform);
  const reason = commandDisabledReason(id);
  return {
    id,
    label: spec.label,
    ...(icon ? { icon } : {}),
    ...(shortcut ? { shortcut } : {}),
    disabled: reason !== null,
    ...(reason !== null ? { hint: reason } : {}),
    ...(spec.danger ? { danger: true } : {}),
    onSelect: () => void dispatchCommand(id),
  };
}
