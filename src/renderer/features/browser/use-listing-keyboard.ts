import { useCallback, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { matchesBinding } from '../../../shared/commands/key-binding';
import { commandBindings } from '../../ui/commands/command-keys';
import { listingCommand, type ListingCommand } from './listing-keymap';
import type { ListingRow } from './listing-rows';
import type { ListingTableHandle } from './ListingTable';
import { displayName } from './listing-rows';
import { moveFocus, toggleFocused, emptySelection, type SelectionState } from './selection-model';
import { emptyTypeAhead, findTypeAheadMatch, typeAheadActive, typeAheadStep } from './type-to-find';
import type { ListingView } from './use-listing-view';

/** What the keyboard can ask the folder view to do beyond moving the selection. */
export interface KeyboardActions {
  open: (row: ListingRow) => void;
  parent: () => void;
  contextMenu: () => void;
}

export interface ListingKeyboardOptions {
  view: ListingView;
  selection: SelectionState;
  update: (step: (s: SelectionState) => SelectionState) => void;
  table: RefObject<ListingTableHandle | null>;
  actions: KeyboardActions;
  /** `process.platform` of the host: which table shortcuts apply (Cmd+Backspace deletes on macOS). */
  platform: string;
}

function targetIndex(to: Extract<ListingCommand, { kind: 'move' }>['to'], focus: number, count: number, page: number): number {
  switch (to) {
    case 'up':
      return focus < 0 ? 0 : focus - 1;
    case 'down':
      return focus + 1;
    case 'pageUp':
      return Math.max(0, focus - page);
    case 'pageDown':
      return focus < 0 ? page : focus + page;
    case 'home':
      return 0;
    case 'end':
      return count - 1;
  }
}

/**
 * The listing's key handler: arrows, Home/End, PageUp/PageDown (Shift extends, Ctrl/Cmd moves the
 * focus only), Enter, Backspace, Space, Escape, Shift+F10 and type-to-find. The table's shortcuts
 * (Delete, F2, Select all, Copy keys, …) are left to the app's command dispatcher.
 */
export function useListingKeyboard({ view, selection, update, table, actions, platform }: ListingKeyboardOptions) {
  const typeAhead = useRef(emptyTypeAhead);
  const bindings = useMemo(() => commandBindings(platform), [platform]);
  return useCallback(
    (event: KeyboardEvent) => {
      const now = event.timeStamp || performance.now();
      const isTableKey = (e: Parameters<typeof matchesBinding>[1]) => bindings.some((b) => matchesBinding(b.binding, e));
      const command = listingCommand(event, typeAheadActive(typeAhead.current, now), isTableKey);
      if (!command) return;
      event.preventDefault();
      const focus = selection.focus !== null ? (view.keys.indexOf.get(selection.focus) ?? -1) : -1;
      const count = view.rows.length;
      const reveal = (index: number) => table.current?.scrollToIndex(Math.max(0, Math.min(count - 1, index)));
      switch (command.kind) {
        case 'move': {
          if (count === 0) return;
          const index = targetIndex(command.to, focus, count, table.current?.pageSize() ?? 10);
          update((s) => moveFocus(s, view.keys, index, { range: command.extend, toggle: command.focusOnly }));
          reveal(index);
          return;
        }
        case 'type': {
          typeAhead.current = typeAheadStep(typeAhead.current, command.char, now);
          const match = findTypeAheadMatch(
            count,
            (i) => (view.rows[i] ? displayName(view.rows[i].entry) : ''),
            typeAhead.current.buffer,
            focus,
          );
          if (match >= 0) {
            update((s) => moveFocus(s, view.keys, match, { range: false, toggle: false }));
            reveal(match);
          }
          return;
        }
        case 'open': {
          const row = focus >= 0 ? view.rows[focus] : undefined;
          if (row) actions.open(row);
          return;
        }
        case 'toggleFocused':
          if (focus < 0 && count > 0) update((s) => moveFocus(s, view.keys, 0, { range: false, toggle: false }));
          else update(toggleFocused);
          return;
        case 'clearSelection':
          update((s) => ({ ...emptySelection, focus: s.focus }));
          return;
        case 'parent':
          actions.parent();
          return;
        case 'contextMenu':
          actions.contextMenu();
          return;
      }
    },
    [view, selection.focus, update, table, actions, bindings],
  );
}
