/**
 * The one table of app commands. The application menu (main/electron/menu.ts), the renderer's
 * keyboard shortcuts, the command palette, the shortcuts sheet (`?`) and the listing's context
 * menus are all generated from it, so they can never disagree. Pure data: no Node, no DOM.
 */
import { acceleratorLabel } from './key-binding';

/** Where a command sits in the application menu. `app` is the macOS app menu (elsewhere: File or Help). */
export type MenuGroup = 'app' | 'file' | 'edit' | 'view' | 'help';

/** Which context menu offers a command: on a selected row, on the folder's background, or both. */
export type ContextPlacement = 'row' | 'folder';

/** Accelerators in Electron's syntax (`CmdOrCtrl+K`); the first one is shown in the menu. */
export interface PlatformAccelerators {
  /** Windows and Linux. */
  default: readonly string[];
  /** macOS, when it differs. */
  darwin?: readonly string[];
}

export interface CommandSpec {
  id: CommandId;
  label: string;
  /** Written for the palette and the shortcuts sheet. */
  description: string;
  menu: MenuGroup;
  /** Starts a new group (a separator before it) in its menu. */
  separatorBefore?: boolean;
  accelerators?: PlatformAccelerators;
  /** Needs at least one selected row (e.g. Rename, Delete). */
  needsSelection?: boolean;
  /** Needs an open connection (a bucket and folder to act on). */
  needsConnection?: boolean;
  /** The context menus it appears in, in table order. */
  context?: readonly ContextPlacement[];
  /** A dangerous action, drawn in red in menus. */
  danger?: boolean;
  /** Also fires inside a text field (Escape-like commands); others leave typing alone. */
  inTextFields?: boolean;
}

export const commandIds = [
  'new-connection',
  'upload-files',
  'upload-folder',
  'download',
  'copy-link',
  'new-folder',
  'rename',
  'delete',
  'copy-keys',
  'select-all',
  'find',
  'refresh',
  'toggle-inspector',
  'toggle-transfers',
  'preferences',
  'reveal-logs',
  'copy-diagnostics',
  'shortcuts',
  'command-palette',
  'about',
] as const;

export type CommandId = (typeof commandIds)[number];

const table: Record<CommandId, Omit<CommandSpec, 'id'>> = {
  'new-connection': {
    label: 'New connection…',
    description: 'Add a bucket with access keys or an AWS profile.',
    menu: 'file',
    accelerators: { default: ['CmdOrCtrl+N'] },
  },
  'upload-files': {
    label: 'Upload files…',
    description: 'Pick files to upload into the open folder.',
    menu: 'file',
    separatorBefore: true,
    accelerators: { default: ['CmdOrCtrl+U'] },
    needsConnection: true,
    context: ['folder'],
  },
  'upload-folder': {
    label: 'Upload folder…',
    description: 'Pick a folder to upload into the open folder.',
    menu: 'file',
    accelerators: { default: ['CmdOrCtrl+Shift+U'] },
    needsConnection: true,
    context: ['folder'],
  },
  download: {
    label: 'Download…',
    description: 'Download the selected files and folders.',
    menu: 'file',
    accelerators: { default: ['CmdOrCtrl+Shift+D'] },
    needsConnection: true,
    needsSelection: true,
    context: ['row'],
  },
  'copy-link': {
    label: 'Copy link',
    description: 'Copy a link to the selected files, with the last expiry used.',
    menu: 'file',
    accelerators: { default: ['CmdOrCtrl+Shift+L'] },
    needsConnection: true,
    needsSelection: true,
    context: ['row'],
  },
  'new-folder': {
    label: 'New folder…',
    description: 'Make a folder inside the open folder.',
    menu: 'file',
    separatorBefore: true,
    accelerators: { default: ['CmdOrCtrl+Shift+N'] },
    needsConnection: true,
    context: ['folder'],
  },
  rename: {
    label: 'Rename…',
    description: 'Rename the selected file or folder.',
    menu: 'file',
    accelerators: { default: ['F2'] },
    needsConnection: true,
    needsSelection: true,
    context: ['row'],
  },
  delete: {
    label: 'Delete…',
    description: 'Delete the selection, after you confirm.',
    menu: 'file',
    accelerators: { default: ['Delete'], darwin: ['CmdOrCtrl+Backspace', 'Delete'] },
    needsConnection: true,
    needsSelection: true,
    context: ['row'],
    danger: true,
  },
  'copy-keys': {
    label: 'Copy keys',
    description: 'Copy the selected items’ keys, one per line.',
    menu: 'edit',
    separatorBefore: true,
    accelerators: { default: ['CmdOrCtrl+Shift+C'] },
    needsConnection: true,
    needsSelection: true,
    context: ['row'],
  },
  'select-all': {
    label: 'Select all',
    description: 'Select every row of the open folder (or all the text in a field).',
    menu: 'edit',
    accelerators: { default: ['CmdOrCtrl+A'] },
    needsConnection: true,
  },
  find: {
    label: 'Find',
    description: 'Filter the open folder by name.',
    menu: 'edit',
    accelerators: { default: ['CmdOrCtrl+F'] },
    needsConnection: true,
  },
  refresh: {
    label: 'Refresh',
    description: 'List the open folder again.',
    menu: 'view',
    // Ctrl/Cmd+R too, so the browser host never reloads the page (and loses its state) instead.
    accelerators: { default: ['F5', 'CmdOrCtrl+R'], darwin: ['CmdOrCtrl+R', 'F5'] },
    needsConnection: true,
    context: ['folder'],
  },
  'toggle-inspector': {
    label: 'Toggle inspector',
    description: 'Show or hide the inspector beside the listing.',
    menu: 'view',
    separatorBefore: true,
    accelerators: { default: ['CmdOrCtrl+I'] },
    needsConnection: true,
  },
  'toggle-transfers': {
    label: 'Toggle transfers panel',
    description: 'Open or close the transfers panel.',
    menu: 'view',
    accelerators: { default: ['CmdOrCtrl+J'] },
  },
  'command-palette': {
    label: 'Command palette…',
    description: 'Find any command by name and run it.',
    menu: 'view',
    separatorBefore: true,
    accelerators: { default: ['CmdOrCtrl+K'] },
    inTextFields: true,
  },
  preferences: {
    label: 'Preferences…',
    description: 'Transfers, links, theme and data folder.',
    menu: 'app',
    accelerators: { default: ['CmdOrCtrl+,'] },
  },
  'reveal-logs': {
    label: 'Reveal logs',
    description: 'Show the log folder in the file manager.',
    menu: 'help',
  },
  'copy-diagnostics': {
    label: 'Copy diagnostic report',
    description: 'Copy versions, platform, settings (no secrets) and the last errors.',
    menu: 'help',
  },
  shortcuts: {
    label: 'Keyboard shortcuts',
    description: 'List every keyboard shortcut.',
    menu: 'help',
    separatorBefore: true,
    accelerators: { default: ['?'] },
  },
  about: {
    label: 'About Bucket Admin',
    description: 'Version and where the app keeps its data.',
    menu: 'app',
  },
};

/** Every command in table order (the order of `commandIds`). */
export const commands: readonly CommandSpec[] = commandIds.map((id) => ({ id, ...table[id] }));

export function commandById(id: CommandId): CommandSpec {
  return { id, ...table[id] };
}

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (commandIds as readonly string[]).includes(value);
}

/** The accelerators a command has on a platform (`process.platform` names), first = shown in menus. */
export function acceleratorsFor(spec: CommandSpec, platform: string): readonly string[] {
  if (!spec.accelerators) return [];
  return platform === 'darwin' ? (spec.accelerators.darwin ?? spec.accelerators.default) : spec.accelerators.default;
}

/** The label of a command's first shortcut on a platform (`Ctrl+Shift+L`, `⇧⌘L`), or undefined when it has none. */
export function shortcutLabelFor(id: CommandId, platform: string): string | undefined {
  const [first] = acceleratorsFor(commandById(id), platform);
  return first === undefined ? undefined : acceleratorLabel(first, platform);
}

/** The commands a context menu shows, in table order. */
export function contextCommands(placement: ContextPlacement): CommandSpec[] {
  return commands.filter((c) => c.context?.includes(placement));
}

/** The `app:command` push event: the application menu (or a test, in the browser host) asks the window to run a command. */
export interface AppCommandEvent {
  id: CommandId;
}
