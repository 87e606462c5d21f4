import { useMemo, useState, type KeyboardEvent } from 'react';
import { commands, type CommandSpec } from '../../../shared/commands/command-table';
import { DialogShell } from '../../ui/DialogShell';
import { commandDisabledReason, dispatchCommand, useCommandRegistryVersion } from '../../ui/commands/command-registry';
import { fuzzyFilter } from './fuzzy-match';
import { CommandRow } from './CommandRow';
import { shortcutLabel } from './shortcut-rows';

export interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
  platform: string;
}

/**
 * Ctrl/Cmd+K: every table command by name. Type to filter (fuzzy), arrows to move, Enter runs,
 * Escape closes; mounted only while open, so it always starts empty. Commands that cannot run now stay listed, dimmed, with the reason.
 */
export function CommandPalette({ open, onClose, platform }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  useCommandRegistryVersion();
  const shown = useMemo(() => fuzzyFilter(commands, query, (c) => `${c.label} ${c.description}`), [query]);

  const run = (spec: CommandSpec | undefined) => {
    if (!spec || commandDisabledReason(spec.id) !== null) return;
    onClose();
    // After the palette has closed and given focus back, so dialogs a command opens get it.
    setTimeout(() => dispatchCommand(spec.id), 0);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length === 0 ? 0 : (i + step + shown.length) % shown.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(shown[active]);
    }
  };
  const activeId = shown[active] ? `palette-${shown[active].id}` : undefined;

  return (
    <DialogShell
      open={open}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title="Commands"
      description="Type to find a command; Enter runs it."
    >
      <div className="palette" data-testid="command-palette">
        <input
          className="palette-input"
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Search commands"
          aria-label="Search commands"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={activeId}
          data-testid="palette-input"
        />
        <ul className="palette-list" id="palette-list" role="listbox" aria-label="Commands">
          {shown.map((spec, index) => {
            const reason = commandDisabledReason(spec.id);
            const shortcut = shortcutLabel(spec.id, platform);
            return (
              <CommandRow
                key={spec.id}
                label={spec.label}
                detail={reason ?? spec.description}
                keys={shortcut ? [shortcut] : []}
                id={`palette-${spec.id}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={reason !== null}
                className={index === active ? 'palette-item is-active' : 'palette-item'}
                onMouseMove={() => setActive(index)}
                onClick={() => run(spec)}
                data-testid={`palette-${spec.id}`}
              />
            );
          })}
          {shown.length === 0 ? <li className="palette-empty">No command matches “{query}”.</li> : null}
        </ul>
      </div>
    </DialogShell>
  );
}
