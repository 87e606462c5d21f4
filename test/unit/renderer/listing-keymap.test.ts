import { describe, expect, it } from 'vitest';
import { listingCommand, type KeyInput } from '../../../src/renderer/features/browser/listing-keymap';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('listingCommand', () => {
  it('maps movement keys, with Shift extending and Ctrl moving focus only', () => {
    expect(listingCommand(key('ArrowDown'), false)).toEqual({ kind: 'move', to: 'down', extend: false, focusOnly: false });
    expect(listingCommand(key('End', { shiftKey: true }), false)).toEqual({ kind: 'move', to: 'end', extend: true, focusOnly: false });
    expect(listingCommand(key('ArrowUp', { ctrlKey: true }), false)).toEqual({ kind: 'move', to: 'up', extend: false, focusOnly: true });
    expect(listingCommand(key('PageDown'), false)).toMatchObject({ to: 'pageDown' });
  });

  it('maps the file-manager commands', () => {
    expect(listingCommand(key('Enter'), false)).toEqual({ kind: 'open' });
    expect(listingCommand(key('Backspace'), false)).toEqual({ kind: 'parent' });
    expect(listingCommand(key('ArrowUp', { altKey: true }), false)).toEqual({ kind: 'parent' });
    expect(listingCommand(key('Delete'), false)).toEqual({ kind: 'delete' });
    expect(listingCommand(key('Backspace', { metaKey: true }), false)).toEqual({ kind: 'delete' });
    expect(listingCommand(key('F2'), false)).toEqual({ kind: 'rename' });
    expect(listingCommand(key('F10', { shiftKey: true }), false)).toEqual({ kind: 'contextMenu' });
    expect(listingCommand(key('ContextMenu'), false)).toEqual({ kind: 'contextMenu' });
    expect(listingCommand(key('a', { ctrlKey: true }), false)).toEqual({ kind: 'selectAll' });
    expect(listingCommand(key('A', { metaKey: true }), false)).toEqual({ kind: 'selectAll' });
    expect(listingCommand(key('C', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'copyKeys' });
  });

  it('sends letters to type-to-find, and Space too while a search runs', () => {
    expect(listingCommand(key('r'), false)).toEqual({ kind: 'type', char: 'r' });
    expect(listingCommand(key('é'), false)).toEqual({ kind: 'type', char: 'é' });
    expect(listingCommand(key(' '), true)).toEqual({ kind: 'type', char: ' ' });
    expect(listingCommand(key(' '), false)).toEqual({ kind: 'toggleFocused' });
    expect(listingCommand(key(' ', { ctrlKey: true }), true)).toEqual({ kind: 'toggleFocused' });
  });

  it('leaves other keys alone', () => {
    expect(listingCommand(key('Tab'), false)).toBeNull();
    expect(listingCommand(key('r', { ctrlKey: true }), false)).toBeNull();
    expect(listingCommand(key('ArrowLeft', { altKey: true }), false)).toBeNull();
    expect(listingCommand(key('Shift', { shiftKey: true }), false)).toBeNull();
  });
});
