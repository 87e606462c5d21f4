import type { DialogRect } from './use-dialog-rect';

/** Where the toast column goes: its usual corner, beside an open dialog, or held until it closes. */
export type ToastPlacement = { kind: 'corner' } | { kind: 'beside'; side: 'right' | 'left'; width: number } | { kind: 'held' };

/** Narrower than this, a toast is too cramped to read: it waits for the dialog instead. */
const minWidth = 240;
const maxWidth = 420;

/**
 * Toasts never cover an open dialog (its buttons would stop taking clicks): they go in the free
 * space to its right (or left), as wide as fits, or wait while the dialog is open.
 */
export function toastPlacement(dialog: DialogRect | null, viewportWidth: number, margin: number): ToastPlacement {
  if (!dialog) return { kind: 'corner' };
  const right = viewportWidth - dialog.right - 2 * margin;
  if (right >= minWidth) return { kind: 'beside', side: 'right', width: Math.min(maxWidth, right) };
  const left = dialog.left - 2 * margin;
  if (left >= minWidth) return { kind: 'beside', side: 'left', width: Math.min(maxWidth, left) };
  return { kind: 'held' };
}
