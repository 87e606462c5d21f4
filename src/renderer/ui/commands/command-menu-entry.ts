import type { ReactNode } from 'react';
import { commandById, type CommandId } from '../../../shared/commands/command-table';
import { acceleratorLabel } from '../../../shared/commands/key-binding';
import { acceleratorsFor } from '../../../shared/commands/command-table';
import type { MenuEntry } from '../ContextMenu';
import { commandDisabledReason, dispatchCommand } from './command-registry';

/**
 * A context-menu entry for a table command: its label, shortcut and danger from the table, its
 * state from the registry, and selecting it dispatches the command like the menu bar does.
 */
export function commandMenuEntry(id: CommandId, platform: string, icon?: ReactNode): MenuEntry {
  const spec = commandById(id);
  const [accelerator] = acceleratorsFor(spec, platform);
  const reason = commandDisabledReason(id);
  return {
    id,
    label: spec.label,
    ...(icon ? { icon } : {}),
    ...(accelerator ? { shortcut: acceleratorLabel(accelerator, platform) } : {}),
    disabled: reason !== null,
    ...(reason !== null ? { hint: reason } : {}),
    ...(spec.danger ? { danger: true } : {}),
    onSelect: () => void dispatchCommand(id),
  };
}
