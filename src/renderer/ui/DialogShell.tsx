import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

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
 * A modal on Radix Dialog (focus trap, Escape, focus return, aria wiring). No Dialog.Overlay:
 * its scroll lock injects an inline <style>, which our CSP blocks; the app never scrolls the
 * page body anyway, so a plain backdrop div does the visual part.
 */
export function DialogShell({ open, onOpenChange, title, description, children, role = 'dialog', size = 'narrow' }: DialogShellProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div className="dialog-backdrop" aria-hidden="true" />
        <Dialog.Content className={`dialog dialog-${size}`} role={role}>
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
