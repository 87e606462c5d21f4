import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

export interface DialogShellProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  children: ReactNode;
  /** "alertdialog" for confirmations that interrupt (e.g. removing something). */
  role?: 'dialog' | 'alertdialog';
  size?: 'narrow' | 'wide';
}

/**
 * A modal on Radix Dialog (focus trap, Escape, aria wiring), returning focus to whatever opened it. No Dialog.Overlay:
 * its scroll lock injects an inline <style>, which our CSP blocks; the app never scrolls the
 * page body anyway, so a plain backdrop div does the visual part.
 */
export function DialogShell({ open, onOpenChange, title, description, children, role = 'dialog', size = 'narrow' }: DialogShellProps) {
  // Our dialogs open from state, not from a Dialog.Trigger, so Radix has nothing to give focus back
  // to and it fell to <body>. Remember what had focus as the dialog opens (before Radix moves it).
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  const giveFocusBack = (event: Event) => {
    const back = opener.current;
    opener.current = null;
    if (!back?.isConnected) return;
    event.preventDefault();
    back.focus();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div className="dialog-backdrop" aria-hidden="true" />
        <Dialog.Content className={`dialog dialog-${size}`} role={role} onCloseAutoFocus={giveFocusBack}>
          <header className="dialog-header">
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
            <Dialog.Close className="icon-btn" aria-label="Close">
              <X size={16} aria-hidden="true" />
            </Dialog.Close>
          </header>
          <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          <div className="dialog-body">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
