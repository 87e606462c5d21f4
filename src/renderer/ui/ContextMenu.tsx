import * as Menu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';

/** One entry of a context menu; `separator` draws a line instead. */
export type MenuEntry =
  | {
      id: string;
      label: string;
      icon?: ReactNode;
      /** Shown right-aligned, e.g. "F2". */
      shortcut?: string;
      disabled?: boolean;
      /** Why it is disabled, as a tooltip. */
      hint?: string;
      danger?: boolean;
      onSelect: () => void;
    }
  | 'separator';

export interface ContextMenuProps {
  /** Where it opens, in viewport pixels; null when closed. */
  at: { x: number; y: number } | null;
  entries: readonly MenuEntry[];
  onClose: () => void;
  label: string;
}

/**
 * A right-click menu on Radix DropdownMenu (arrow keys, typeahead, Escape, roles), anchored to an
 * invisible point at the pointer or the focused row. Non-modal: the modal variant's scroll lock
 * injects an inline <style>, which our CSP blocks.
 */
export function ContextMenu({ at, entries, onClose, label }: ContextMenuProps) {
  return (
    <Menu.Root open={at !== null} onOpenChange={(open) => (open ? undefined : onClose())} modal={false}>
      <Menu.Trigger asChild>
        <span className="context-anchor" style={at ? { left: at.x, top: at.y } : undefined} aria-hidden="true" tabIndex={-1} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          className="menu"
          align="start"
          side="bottom"
          sideOffset={2}
          collisionPadding={8}
          aria-label={label}
          data-testid="context-menu"
          // Focus goes back to whatever the owner decides (the listing), not the invisible anchor.
          onCloseAutoFocus={(e) => e.preventDefault()}
        >
          {entries.map((entry, index) =>
            entry === 'separator' ? (
              <Menu.Separator key={`sep-${index}`} className="menu-separator" />
            ) : (
              <Menu.Item
                key={entry.id}
                className={entry.danger ? 'menu-item is-danger' : 'menu-item'}
                disabled={entry.disabled ?? false}
                onSelect={entry.onSelect}
                title={entry.hint}
                data-testid={`menu-${entry.id}`}
              >
                {entry.icon ? (
                  <span className="menu-icon" aria-hidden="true">
                    {entry.icon}
                  </span>
                ) : null}
                <span className="menu-label">{entry.label}</span>
                {entry.shortcut ? <span className="menu-shortcut">{entry.shortcut}</span> : null}
              </Menu.Item>
            ),
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
