import { describe, expect, it } from 'vitest';
import { listingCommand, type KeyInput } from '../../../src/renderer/features/browser/listing-keymap';
import { commandBindings, commandForKey } from '../../../src/renderer/ui/commands/command-keys';
import { matchesBinding } from '../../../src/shared/commands/key-binding';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

/** The table's shortcuts on a platform, as the listing is given them. */
const tableKeys = (platform: string) => {
  const bindings = commandBindings(platform);
  return (e: KeyInput) => bindings.some((b) => matchesBinding(b.binding, e));
};
const linux = tableKeys('linux');
const mac = tableKeys('darwin');
const command = (e: KeyInput, typing = false) => listingCommand(e, typing, linux);

describe('listingCommand', () => {
  it('maps movement keys, with Shift extending and Ctrl moving focus only', () => {
    expect(command(key('ArrowDown'))).toEqual({ kind: 'move', to: 'down', extend: false, focusOnly: false });
    expect(command(key('End', { shiftKey: true }))).toEqual({ kind: 'move', to: 'end', extend: true, focusOnly: false });
    expect(command(key('ArrowUp', { ctrlKey: true }))).toEqual({ kind: 'move', to: 'up', extend: false, focusOnly: true });
    expect(command(key('PageDown'))).toMatchObject({ to: 'pageDown' });
  });

  it('maps the file-manager keys that are not table commands', () => {
    expect(command(key('Enter'))).toEqual({ kind: 'open' });
    expect(command(key('Backspace'))).toEqual({ kind: 'parent' });
    expect(command(key('ArrowUp', { altKey: true }))).toEqual({ kind: 'parent' });
    expect(command(key('F10', { shiftKey: true }))).toEqual({ kind: 'contextMenu' });
    expect(command(key('ContextMenu'))).toEqual({ kind: 'contextMenu' });
    expect(command(key('Escape'))).toEqual({ kind: 'clearSelection' });
  });

  it('leaves the command table’s keys to the command dispatcher, which runs them', () => {
    const cases: Array<[KeyInput, string, (e: KeyInput) => boolean, string]> = [
      [key('Delete'), 'delete', linux, 'linux'],
      [key('F2'), 'rename', linux, 'linux'],
      [key('a', { ctrlKey: true }), 'select-all', linux, 'linux'],
      [key('C', { ctrlKey: true, shiftKey: true }), 'copy-keys', linux, 'linux'],
      [key('?', { shiftKey: true }), 'shortcuts', linux, 'linux'],
      [key('Backspace', { metaKey: true }), 'delete', mac, 'darwin'],
      [key('A', { metaKey: true }), 'select-all', mac, 'darwin'],
    ];
    for (const [e, id, isTableKey, platform] of cases) {
      expect(listingCommand(e, false, isTableKey), e.key).toBeNull();
      expect(commandForKey(commandBindings(platform), e, false), e.key).toBe(id);
    }
  });

  it('sends letters to type-to-find, and Space too while a search runs', () => {
    expect(command(key('r'))).toEqual({ kind: 'type', char: 'r' });
    expect(command(key('é'))).toEqual({ kind: 'type', char: 'é' });
    expect(command(key(' '), true)).toEqual({ kind: 'type', char: ' ' });
    expect(command(key(' '))).toEqual({ kind: 'toggleFocused' });
    expect(command(key(' ', { ctrlKey: true }), true)).toEqual({ kind: 'toggleFocused' });
  });

  it('leaves other keys alone', () => {
    expect(command(key('Tab'))).toBeNull();
    expect(command(key('r', { ctrlKey: true }))).toBeNull();
    expect(command(key('ArrowLeft', { altKey: true }))).toBeNull();
    expect(command(key('Shift', { shiftKey: true }))).toBeNull();
    expect(listingCommand(key('Backspace', { ctrlKey: true }), false, linux)).toBeNull();
  });
});
