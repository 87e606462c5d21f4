import { DialogShell } from '../../ui/DialogShell';
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
      <table className="shortcuts-table" data-testid="shortcuts-sheet">
        <tbody>
          {shortcutRows(platform).map((row) => (
            <tr key={row.id} data-command={row.id}>
              <th scope="row">{row.label}</th>
              <td>
                {row.keys.map((key) => (
                  <kbd key={key} className="palette-key" data-accelerator>
                    {key}
                  </kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DialogShell>
  );
}
