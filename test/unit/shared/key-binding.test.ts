import { describe, expect, it } from 'vitest';
import { acceleratorLabel, matchesBinding, parseAccelerator } from '../../../src/shared/commands/key-binding';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('key bindings from Electron accelerators', () => {
  it('reads CmdOrCtrl as Cmd on macOS and Ctrl elsewhere', () => {
    expect(parseAccelerator('CmdOrCtrl+Shift+L', 'linux')).toEqual({ key: 'l', ctrl: true, meta: false, alt: false, shift: true });
    expect(parseAccelerator('CmdOrCtrl+Shift+L', 'darwin')).toEqual({ key: 'l', ctrl: false, meta: true, alt: false, shift: true });
  });

  it('matches key presses exactly, letters in either case', () => {
    const copyLink = parseAccelerator('CmdOrCtrl+Shift+L', 'linux');
    expect(matchesBinding(copyLink, key('L', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesBinding(copyLink, key('l', { ctrlKey: true }))).toBe(false);
    expect(matchesBinding(copyLink, key('l', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(matchesBinding(parseAccelerator('F2', 'linux'), key('F2'))).toBe(true);
    expect(matchesBinding(parseAccelerator('Delete', 'linux'), key('Delete'))).toBe(true);
    expect(matchesBinding(parseAccelerator('CmdOrCtrl+Backspace', 'darwin'), key('Backspace', { metaKey: true }))).toBe(true);
  });

  it('matches symbols typed with Shift (? on a US layout) without naming Shift', () => {
    const help = parseAccelerator('?', 'linux');
    expect(matchesBinding(help, key('?', { shiftKey: true }))).toBe(true);
    expect(matchesBinding(help, key('?', { ctrlKey: true }))).toBe(false);
    expect(matchesBinding(parseAccelerator('CmdOrCtrl+,', 'darwin'), key(',', { metaKey: true }))).toBe(true);
    expect(parseAccelerator('CmdOrCtrl++', 'linux').key).toBe('+');
  });

  it('writes shortcuts the way each platform does', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+L', 'linux')).toBe('Ctrl+Shift+L');
    expect(acceleratorLabel('CmdOrCtrl+Shift+L', 'darwin')).toBe('⇧⌘L');
    expect(acceleratorLabel('Delete', 'win32')).toBe('Del');
    expect(acceleratorLabel('CmdOrCtrl+Backspace', 'darwin')).toBe('⌘⌫');
    expect(acceleratorLabel('?', 'linux')).toBe('?');
  });

  it('refuses an accelerator with no key or two keys', () => {
    expect(() => parseAccelerator('CmdOrCtrl+Shift', 'linux')).toThrow(/no key/);
    expect(() => parseAccelerator('A+B', 'linux')).toThrow(/two keys/);
  });
});
