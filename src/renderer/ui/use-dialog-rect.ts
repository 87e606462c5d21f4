import { useEffect, useState } from 'react';

/** Where an open modal dialog is on screen, or null when none is open. */
export interface DialogRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const dialogSelector = '.dialog[role="dialog"], .dialog[role="alertdialog"]';

function readRect(): DialogRect | null {
  const dialogs = document.querySelectorAll(dialogSelector);
  const dialog = dialogs[dialogs.length - 1];
  if (!dialog) return null;
  const r = dialog.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
}

function same(a: DialogRect | null, b: DialogRect | null): boolean {
  return a === b || (a !== null && b !== null && a.left === b.left && a.right === b.right && a.top === b.top && a.bottom === b.bottom);
}

/**
 * Follows the open dialog's box (dialogs mount in a portal at the end of <body>, and grow as their
 * content changes), so toasts can keep out of its way.
 */
export function useDialogRect(): DialogRect | null {
  const [rect, setRect] = useState<DialogRect | null>(null);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setRect((old) => (same(old, readRect()) ? old : readRect())));
    };
    const resize = new ResizeObserver(update);
    const mutations = new MutationObserver(() => {
      resize.disconnect();
      for (const dialog of document.querySelectorAll(dialogSelector)) resize.observe(dialog);
      update();
    });
    mutations.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', update);
    update();
    return () => {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      resize.disconnect();
      window.removeEventListener('resize', update);
    };
  }, []);
  return rect;
}
