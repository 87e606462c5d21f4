/** What a key press in the listing asks for. */
export type ListingCommand =
  | { kind: 'move'; to: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'; extend: boolean; focusOnly: boolean }
  | { kind: 'open' }
  | { kind: 'parent' }
  | { kind: 'toggleFocused' }
  | { kind: 'clearSelection' }
  | { kind: 'contextMenu' }
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
 * File-manager keys for the focused listing: moving, opening, going up, Space, Escape, the
 * context-menu keys and type-to-find. Ctrl and Cmd are the same ("primary"), so one map serves
 * Windows, Linux and macOS. Returns null for keys the listing leaves alone.
 * `typing` is true while a type-to-find search is running, so Space joins it.
 *
 * `isTableKey` says whether a press is a command table shortcut (Delete, F2, Ctrl/Cmd+A,
 * Ctrl/Cmd+Shift+C, `?`, … from `shared/commands`): those are never the listing's, so the app's
 * one dispatcher (`ui/commands/use-command-keys.ts`) runs them and the keys live in one place.
 */
export function listingCommand(e: KeyInput, typing: boolean, isTableKey: (e: KeyInput) => boolean): ListingCommand | null {
  if (isTableKey(e)) return null;
  const primary = e.ctrlKey || e.metaKey;
  const move = moves[e.key];
  if (move && !e.altKey) return { kind: 'move', to: move, extend: e.shiftKey, focusOnly: primary && !e.shiftKey };
  if (e.altKey) return e.key === 'ArrowUp' ? { kind: 'parent' } : null;
  switch (e.key) {
    case 'Enter':
      return primary || e.shiftKey ? null : { kind: 'open' };
    case 'Backspace':
      return primary || e.shiftKey ? null : { kind: 'parent' };
    case 'F10':
      return e.shiftKey ? { kind: 'contextMenu' } : null;
    case 'ContextMenu':
      return { kind: 'contextMenu' };
    case 'Escape':
      return { kind: 'clearSelection' };
  }
  if (e.key === ' ' && (primary || !typing)) return { kind: 'toggleFocused' };
  if (!primary && /^.$/u.test(e.key)) return { kind: 'type', char: e.key };
  return null;
}
