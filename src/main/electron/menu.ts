import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorsFor, commands, type CommandId, type CommandSpec, type MenuGroup } from '../../shared/commands/command-table';

export interface MenuOptions {
  /** `process.platform`: macOS gets the app menu and a Window menu; the others keep About in Help. */
  platform: string;
  appName: string;
  /** Runs a command: the shell sends `app:command` to the focused window. */
  onCommand: (id: CommandId) => void;
  /** Adds Reload and Toggle Developer Tools (development builds only). */
  devTools?: boolean;
}

/**
 * One table command as a menu item. The accelerator is shown but not registered with the system
 * (Linux, Windows): the window's own key handler runs every table shortcut, and leaves keys alone
 * while the user types in a field, which a registered accelerator would not. macOS cannot skip the
 * registration; there the key reaches the page first, and the page claims it (preventDefault), so
 * the menu does not fire it a second time.
 */
function commandItem(spec: CommandSpec, options: MenuOptions): MenuItemConstructorOptions {
  const [accelerator] = acceleratorsFor(spec, options.platform);
  return {
    id: spec.id,
    label: spec.label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => options.onCommand(spec.id),
  };
}

/** The table's commands of one menu, with their separators. */
function group(menu: MenuGroup, options: MenuOptions, skip: readonly CommandId[] = []): MenuItemConstructorOptions[] {
  return commands
    .filter((c) => c.menu === menu && !skip.includes(c.id))
    .flatMap((c, index) => {
      const item = commandItem(c, options);
      return c.separatorBefore && index > 0 ? [{ type: 'separator' as const }, item] : [item];
    });
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu's template, built from the command table (pure: Electron's `Menu` is
 * made from it in main.ts). macOS: the app menu with About, Preferences, Services, Hide and Quit;
 * Windows and Linux: Preferences in Edit, Quit in File, About in Help.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const byId = (id: CommandId) => commandItem(commands.find((c) => c.id === id) as CommandSpec, options);
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      // The native About panel; the palette's About opens the app's own sheet.
      { id: 'about', role: 'about', label: `About ${options.appName}` },
      separator,
      byId('preferences'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [...group('file', options), ...(mac ? [separator, { role: 'close' as const }] : [separator, { role: 'quit' as const }])],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      separator,
      ...group('edit', options),
      ...(mac ? [] : [separator, byId('preferences')]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...group('view', options),
      separator,
      ...(options.devTools ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [...group('help', options), ...(mac ? [] : [separator, byId('about')])],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' as const }] : []), help];
}

/** Every item of a template, depth first (for tests and for enabling items by id). */
export function menuItems(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])]);
}
