import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, menuItems } from '../../../src/main/electron/menu';
import { acceleratorsFor, commands } from '../../../src/shared/commands/command-table';

const build = (platform: string, onCommand = vi.fn()) => buildMenuTemplate({ platform, appName: 'Bucket Admin', onCommand });
const byId = (platform: string) => new Map(menuItems(build(platform)).flatMap((item) => (item.id ? [[item.id, item]] : [])));

describe('application menu template', () => {
  for (const platform of ['darwin', 'win32', 'linux']) {
    it(`has every table command with its accelerator on ${platform}`, () => {
      const items = byId(platform);
      for (const spec of commands) {
        const item = items.get(spec.id);
        expect(item, spec.id).toBeDefined();
        if (item?.role === 'about') continue; // macOS: the native About panel
        expect(item?.label).toBe(spec.label);
        expect(item?.accelerator).toBe(acceleratorsFor(spec, platform)[0]);
      }
    });
  }

  it('sends app:command with the id when an item is clicked, and shows accelerators without registering them', () => {
    const onCommand = vi.fn();
    const items = menuItems(build('linux', onCommand)).filter((item) => item.id && item.click);
    for (const item of items) (item.click as () => void)();
    expect(onCommand.mock.calls.map(([id]) => id as string).sort()).toEqual(commands.map((c) => c.id).sort());
    expect(items.filter((i) => i.accelerator).every((i) => i.registerAccelerator === false)).toBe(true);
  });

  it('gives macOS the app menu (About, Preferences, Quit) and a Window menu', () => {
    const template = build('darwin');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Bucket Admin', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const app = menuItems([template[0] ?? {}]);
    expect(app.map((i) => i.role ?? i.id).filter(Boolean)).toEqual(
      expect.arrayContaining(['about', 'preferences', 'services', 'hide', 'hideOthers', 'unhide', 'quit']),
    );
    expect(byId('darwin').get('preferences')?.accelerator).toBe('CmdOrCtrl+,');
    expect(byId('darwin').get('delete')?.accelerator).toBe('CmdOrCtrl+Backspace');
  });

  it('puts Quit in File, Preferences in Edit and About in Help on Windows and Linux', () => {
    const [file, edit, , help] = build('win32');
    expect(menuItems([file ?? {}]).some((i) => i.role === 'quit')).toBe(true);
    expect(menuItems([edit ?? {}]).some((i) => i.id === 'preferences')).toBe(true);
    expect(menuItems([help ?? {}]).some((i) => i.id === 'about' && typeof i.click === 'function')).toBe(true);
    expect(byId('win32').get('delete')?.accelerator).toBe('Delete');
  });

  it('keeps the Edit roles so text fields can cut, copy and paste', () => {
    const roles = menuItems(build('linux')).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste']));
  });
});
