import { acceleratorsFor, commands, shortcutLabelFor, type CommandId } from '../../../shared/commands/command-table';
import { acceleratorLabel } from '../../../shared/commands/key-binding';

export interface ShortcutRow {
  id: CommandId;
  label: string;
  /** Display labels, e.g. ["F5", "Ctrl+R"]. */
  keys: string[];
  accelerators: readonly string[];
}

/** The shortcuts sheet's rows: every table command that has a shortcut on this platform, in table order. */
export function shortcutRows(platform: string): ShortcutRow[] {
  return commands.flatMap((c) => {
    const accelerators = acceleratorsFor(c, platform);
    if (accelerators.length === 0) return [];
    return [{ id: c.id, label: c.label.replace(/…$/, ''), keys: accelerators.map((a) => acceleratorLabel(a, platform)), accelerators }];
  });
}

/** The shortcut shown beside a command in menus and the palette (its first), or undefined. */
export const shortcutLabel = shortcutLabelFor;
