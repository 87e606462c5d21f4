import { DialogShell } from '../../ui/DialogShell';
import { CommandRow } from './CommandRow';
import { shortcutRows } from './shortcut-rows';

/** `?`: every keyboard shortcut, generated from the command table the menu uses. */
export function ShortcutsSheet({ open, onClose, platform }: { open: boolean; onClose: () => void; platform: string }) {
  return (
    <DialogShell
      open={open}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title="Keyboard shortcuts"
      description="The same keys as the menus."
    >
      <ul className="shortcuts-list" aria-label="Keyboard shortcuts" data-testid="shortcuts-sheet">
        {shortcutRows(platform).map((row) => (
          <CommandRow key={row.id} label={row.label} keys={row.keys} className="shortcut-row" data-command={row.id} />
        ))}
      </ul>
    </DialogShell>
  );
}
