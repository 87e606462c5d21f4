import { useCallback, useState } from 'react';
import { commandById, type CommandId } from '../../../shared/commands/command-table';
import { useToast } from '../../ui/Toast';
import type { AppInfo } from '../../../shared/model/app';
import { useCommandHandler } from '../../ui/commands/command-registry';
import { useCommandKeys } from '../../ui/commands/use-command-keys';
import { AboutSheet } from './AboutSheet';
import { CommandPalette } from './CommandPalette';
import { ShortcutsSheet } from './ShortcutsSheet';

/** The app-wide command surfaces: the key dispatcher, the palette, the shortcuts sheet and About. */
export function CommandSurfaces({ info }: { info: AppInfo }) {
  const [open, setOpen] = useState<'palette' | 'shortcuts' | 'about' | null>(null);
  const toast = useToast();
  // A menu item chosen when it cannot run says why ("Rename…: Select one item first."), not nothing.
  const refused = useCallback(
    (id: CommandId, reason: string) =>
      toast.show({ title: `${commandById(id).label.replace(/…$/, '')}: ${reason}`, tone: 'info', testId: 'command-refused' }),
    [toast],
  );
  useCommandKeys(info.platform, refused);
  useCommandHandler('command-palette', () => setOpen((o) => (o === 'palette' ? null : 'palette')));
  useCommandHandler('shortcuts', () => setOpen('shortcuts'));
  useCommandHandler('about', () => setOpen('about'));
  const close = () => setOpen(null);
  return (
    <>
      {open === 'palette' ? <CommandPalette open onClose={close} platform={info.platform} /> : null}
      <ShortcutsSheet open={open === 'shortcuts'} onClose={close} platform={info.platform} />
      <AboutSheet open={open === 'about'} onClose={close} info={info} />
    </>
  );
}
