import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, menuItems } from '../../../src/main/electron/menu';
import { createFolderCommands } from '../../../src/renderer/features/browser/folder-commands';
import { listingMenuEntries } from '../../../src/renderer/features/browser/listing-menu';
import { shortcutRows } from '../../../src/renderer/features/commands/shortcut-rows';
import { commandBindings } from '../../../src/renderer/ui/commands/command-keys';
import type { MenuEntry } from '../../../src/renderer/ui/ContextMenu';
import { acceleratorsFor, commands, contextCommands, isCommandId } from '../../../src/shared/commands/command-table';
import { acceleratorLabel } from '../../../src/shared/commands/key-binding';

const folderDeps = {
  bucket: 'media',
  prefix: 'public/',
  selectedRows: () => [],
  navigate: () => undefined,
  setPreview: () => undefined,
  request: () => undefined,
  refresh: () => undefined,
  notify: () => undefined,
};
const row = { entry: { kind: 'object' as const, key: 'public/a.jpg', name: 'a.jpg', size: 1 }, root: null };

/** The table commands in a context menu, as [id, shortcut]. */
function tableEntries(entries: readonly MenuEntry[]): Array<[string, string | undefined]> {
  return entries.flatMap((e) => (e !== 'separator' && isCommandId(e.id) ? [[e.id, e.shortcut] as [string, string | undefined]] : []));
}

describe('menu, shortcuts sheet, key bindings and context menus come from one table', () => {
  for (const platform of ['darwin', 'linux', 'win32']) {
    it(`agrees on ids and accelerators on ${platform}`, () => {
      const menu = menuItems(buildMenuTemplate({ platform, appName: 'Bucket Admin', onCommand: () => undefined }));
      const fromMenu = new Map(menu.filter((i) => i.id && isCommandId(i.id) && i.role !== 'about').map((i) => [i.id, i.accelerator]));
      const sheet = shortcutRows(platform);
      // Every sheet row is a menu item with the same first accelerator, and every menu accelerator is on the sheet.
      for (const r of sheet) expect(fromMenu.get(r.id), r.id).toBe(r.accelerators[0]);
      for (const [id, accelerator] of fromMenu) if (accelerator) expect(sheet.map((r) => r.id)).toContain(id);
      // The renderer binds exactly the table's accelerators.
      const bound = commandBindings(platform).map((b) => b.id);
      expect(bound.sort()).toEqual(sheet.flatMap((r) => r.accelerators.map(() => r.id)).sort());
      // Context menus show the table's commands for their placement with the same shortcut labels.
      const folderCommands = createFolderCommands(folderDeps);
      const onRow = tableEntries(listingMenuEntries(folderCommands, [row], platform));
      const onFolder = tableEntries(listingMenuEntries(folderCommands, [], platform));
      const expected = (ids: string[]) =>
        ids.map((id) => {
          const spec = commands.find((c) => c.id === id);
          const [first] = spec ? acceleratorsFor(spec, platform) : [];
          return [id, first ? acceleratorLabel(first, platform) : undefined];
        });
      // copy-link joins the row menu with the share group (use-share-menu), so the listing's own part skips it.
      const rowIds = contextCommands('row')
        .map((c) => c.id)
        .filter((id) => id !== 'copy-link');
      const folderIds = contextCommands('folder').map((c) => c.id);
      expect(onFolder).toEqual(expected(folderIds));
      expect(onRow).toEqual(expected([...rowIds, ...folderIds]));
    });
  }
});
