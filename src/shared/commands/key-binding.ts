/**
 * The renderer's key bindings, derived from the command table's Electron accelerators
 * (https://www.electronjs.org/docs/latest/api/accelerator), so a shortcut is written once.
 * Pure: the KeyboardEvent's fields are passed in, so this is testable without a DOM.
 */

export interface KeyBinding {
  /** `KeyboardEvent.key` as compared: a lower-case character, or a named key (`F2`, `Delete`, `ArrowUp`). */
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** The parts of a KeyboardEvent a binding reads. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const namedKeys: Record<string, string> = {
  delete: 'Delete',
  backspace: 'Backspace',
  enter: 'Enter',
  return: 'Enter',
  escape: 'Escape',
  esc: 'Escape',
  tab: 'Tab',
  space: ' ',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  plus: '+',
};

/** Parses one Electron accelerator for a platform (`CmdOrCtrl` is Cmd on macOS, Ctrl elsewhere). */
export function parseAccelerator(accelerator: string, platform: string): KeyBinding {
  const mac = platform === 'darwin';
  const binding: KeyBinding = { key: '', ctrl: false, meta: false, alt: false, shift: false };
  // "CmdOrCtrl++" ends in the Plus key itself: split on '+' that follows a modifier.
  const parts = accelerator === '+' ? ['+'] : accelerator.split(/\+(?!$)/);
  for (const raw of parts) {
    const part = raw.toLowerCase();
    if (part === 'cmdorctrl' || part === 'commandorcontrol') binding[mac ? 'meta' : 'ctrl'] = true;
    else if (part === 'cmd' || part === 'command' || part === 'super' || part === 'meta') binding.meta = true;
    else if (part === 'ctrl' || part === 'control') binding.ctrl = true;
    else if (part === 'alt' || part === 'option' || part === 'altgr') binding.alt = true;
    else if (part === 'shift') binding.shift = true;
    else if (binding.key !== '') throw new Error(`The accelerator ${accelerator} names two keys.`);
    else binding.key = /^f\d{1,2}$/.test(part) ? part.toUpperCase() : (namedKeys[part] ?? (raw.length === 1 ? part : raw));
  }
  if (binding.key === '') throw new Error(`The accelerator ${accelerator} names no key.`);
  return binding;
}

/** A printable symbol such as `?` or `,`: typed with Shift on some layouts, so Shift is not compared. */
function isSymbol(key: string): boolean {
  return key.length === 1 && !/[\p{L}\p{N}]/u.test(key);
}

/** True when the key press is this binding. */
export function matchesBinding(binding: KeyBinding, e: KeyInput): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== binding.key) return false;
  if (e.ctrlKey !== binding.ctrl || e.metaKey !== binding.meta || e.altKey !== binding.alt) return false;
  return isSymbol(binding.key) && !binding.shift ? true : e.shiftKey === binding.shift;
}

const macSymbols = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' };
const keyNames: Record<string, string> = {
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Delete: 'Del',
  Backspace: 'Backspace',
  Escape: 'Esc',
};

/** How menus, the palette and the shortcuts sheet write an accelerator: `Ctrl+Shift+L`, or `⇧⌘L` on macOS. */
export function acceleratorLabel(accelerator: string, platform: string): string {
  const b = parseAccelerator(accelerator, platform);
  const key = keyNames[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key);
  if (platform === 'darwin') {
    const mods = (['ctrl', 'alt', 'shift', 'meta'] as const).filter((m) => b[m]).map((m) => macSymbols[m]);
    return [...mods, b.key === 'Backspace' ? '⌫' : b.key === 'Delete' ? '⌦' : key].join('');
  }
  const mods = [b.ctrl && 'Ctrl', b.meta && 'Win', b.alt && 'Alt', b.shift && 'Shift'].filter((m): m is string => typeof m === 'string');
  return [...mods, key].join('+');
}
