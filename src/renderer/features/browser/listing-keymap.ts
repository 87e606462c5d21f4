/** What a key press in the listing asks for. */
export type ListingCommand =
  | { kind: 'move'; to: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'; extend: boolean; focusOnly: boolean }
  | { kind: 'open' }
  | { kind: 'parent' }
  | { kind: 'selectAll' }
  | { kind: 'toggleFocused' }
  | { kind: 'clearSelection' }
  | { kind: 'delete' }
  | { kind: 'rename' }
  | { kind: 'contextMenu' }
  | { kind: 'copyKeys' }
  | { kind: 'type'; char: string };

/** The parts of a KeyboardEvent the keymap reads (so it is testable without a DOM). */
export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const moves: Record<string, 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'home',
  End: 'end',
};

/**
 * File-manager keys for the focused listing. Ctrl and Cmd are the same ("primary"), so one map
 * serves Windows, Linux and macOS. Returns null for keys the listing leaves alone.
 * `typing` is true while a type-to-find search is running, so Space joins it.
 */
export function listingCommand(e: KeyInput, typing: boolean): ListingCommand | null {
  const primary = e.ctrlKey || e.metaKey;
  const move = moves[e.key];
  if (move && !e.altKey) return { kind: 'move', to: move, extend: e.shiftKey, focusOnly: primary && !e.shiftKey };
  if (e.altKey) return e.key === 'ArrowUp' ? { kind: 'parent' } : null;
  switch (e.key) {
    case 'Enter':
      return primary || e.shiftKey ? null : { kind: 'open' };
    case 'Backspace':
      // Cmd+Backspace is "move to trash" on macOS; here it is delete (with confirmation).
      return e.metaKey ? { kind: 'delete' } : primary || e.shiftKey ? null : { kind: 'parent' };
    case 'Delete':
      return { kind: 'delete' };
    case 'F2':
      return { kind: 'rename' };
    case 'F10':
      return e.shiftKey ? { kind: 'contextMenu' } : null;
    case 'ContextMenu':
      return { kind: 'contextMenu' };
    case 'Escape':
      return { kind: 'clearSelection' };
  }
  if (primary && !e.shiftKey && e.key.toLowerCase() === 'a') return { kind: 'selectAll' };
  if (primary && e.shiftKey && e.key.toLowerCase() === 'c') return { kind: 'copyKeys' };
  if (e.key === ' ' && (primary || !typing)) return { kind: 'toggleFocused' };
  // `?` opens the shortcuts sheet (the command table), so it never starts a type-to-find search.
  if (!primary && /^.$/u.test(e.key) && e.key !== '?') return { kind: 'type', char: e.key };
  return null;
}
