import { useEffect } from 'react';

export interface FolderShortcuts {
  focusFilter: () => void;
  refresh: () => void;
}

/** True while a modal dialog or menu has the keyboard: folder shortcuts stay out of its way. */
function inOverlay(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}

/**
 * Window-wide keys of the open folder: Ctrl/Cmd+F focuses the filter, F5 and Ctrl/Cmd+R refresh
 * the listing (instead of reloading the whole app, which would lose the connection state).
 */
export function useFolderShortcuts({ focusFilter, refresh }: FolderShortcuts): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (inOverlay(e.target)) return;
      const primary = e.ctrlKey || e.metaKey;
      if (primary && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        focusFilter();
      } else if (e.key === 'F5' || (primary && !e.altKey && e.key.toLowerCase() === 'r')) {
        e.preventDefault();
        refresh();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusFilter, refresh]);
}
