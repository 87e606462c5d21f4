import { describe, expect, it, vi } from 'vitest';
import type { MenuEntry } from '../../../src/renderer/ui/ContextMenu';
import { createFolderCommands, type FolderCommandDeps } from '../../../src/renderer/features/browser/folder-commands';
import { registerCommand } from '../../../src/renderer/ui/commands/command-registry';
import { listingMenuEntries } from '../../../src/renderer/features/browser/listing-menu';
import type { ListingRow } from '../../../src/renderer/features/browser/listing-rows';
import { childOnPath } from '../../../src/renderer/features/browser/use-navigation';
import { describeKeys, splitSelection } from '../../../src/renderer/features/folder-actions/action-request';
import { endedInConflict } from '../../../src/renderer/features/folder-actions/conflict';
import { baseName } from '../../../src/shared/model/keys';

const obj = (key: string): ListingRow => ({ entry: { kind: 'object', key, name: key, size: 1 }, root: null });
const dir = (key: string, root: ListingRow['root'] = null): ListingRow => ({ entry: { kind: 'folder', key, name: key }, root });

function deps(selected: ListingRow[], over: Partial<FolderCommandDeps> = {}): FolderCommandDeps {
  return {
    bucket: 'b',
    prefix: 'public/',
    selectedRows: () => selected,
    navigate: vi.fn(),
    setPreview: vi.fn(),
    request: vi.fn(),
    refresh: vi.fn(),
    notify: vi.fn(),
    ...over,
  };
}

const ids = (entries: MenuEntry[]) => entries.flatMap((e) => (e === 'separator' ? [] : [[e.id, e.disabled ?? false] as const]));

describe('folder commands', () => {
  it('opens folders by navigating and files by previewing', () => {
    const d = deps([]);
    const commands = createFolderCommands(d);
    commands.open(dir('public/a/'));
    commands.open(obj('public/x.txt'));
    expect(d.navigate).toHaveBeenCalledWith('public/a/');
    expect(d.setPreview).toHaveBeenCalledWith(obj('public/x.txt').entry);
  });

  it('asks for dialogs with the selection, refuses roots for rename and too many keys', () => {
    const one = deps([obj('public/x.txt')]);
    createFolderCommands(one).rename();
    expect(one.request).toHaveBeenCalledWith({ kind: 'rename', key: 'public/x.txt' });

    const root = deps([dir('public/', 'public')]);
    createFolderCommands(root).rename();
    expect(root.request).not.toHaveBeenCalled();
    expect(root.notify).toHaveBeenCalledWith(expect.stringMatching(/roots/));

    const many = deps(Array.from({ length: 10_001 }, (_, i) => obj(`k${i}`)));
    createFolderCommands(many).delete();
    expect(many.request).not.toHaveBeenCalled();
    expect(many.notify).toHaveBeenCalledWith(expect.stringMatching(/at most 10,000/));

    const move = deps([obj('public/x.txt'), dir('public/d/')]);
    createFolderCommands(move).move();
    expect(move.request).toHaveBeenCalledWith({ kind: 'move', keys: ['public/x.txt', 'public/d/'], fromPrefix: 'public/' });
  });

  it('opens the bulk header editor on files and folders, refusing more folders than a bulk job takes', () => {
    const edit = deps([obj('public/x.txt'), dir('public/d/')]);
    createFolderCommands(edit).editHeaders();
    expect(edit.request).toHaveBeenCalledWith({ kind: 'bulkEdit', keys: ['public/x.txt', 'public/d/'] });

    const folders = deps(Array.from({ length: 101 }, (_, i) => dir(`public/d${i}/`)));
    createFolderCommands(folders).editHeaders();
    expect(folders.request).not.toHaveBeenCalled();
    expect(folders.notify).toHaveBeenCalledWith(expect.stringMatching(/at most 100 folders/));
  });

  it('goes up from a folder but not from the top', () => {
    const d = deps([]);
    createFolderCommands(d).parent();
    expect(d.navigate).toHaveBeenCalledWith('');
    const top = deps([], { prefix: '' });
    createFolderCommands(top).parent();
    expect(top.navigate).not.toHaveBeenCalled();
  });
});

describe('listing menu', () => {
  it('offers folder actions on empty space and item actions on a selection', () => {
    const commands = createFolderCommands(deps([]));
    // Table commands take their state from the registry: here only Delete has a handler.
    const stop = registerCommand('delete', { run: () => undefined });
    expect(ids(listingMenuEntries(commands, [], 'linux')).map(([id]) => id)).toEqual([
      'upload-files',
      'upload-folder',
      'new-folder',
      'refresh',
      'copy-path',
    ]);
    const single = new Map(ids(listingMenuEntries(commands, [obj('public/x.txt')], 'linux')));
    expect(single.get('preview')).toBe(false);
    expect(single.get('rename')).toBe(true);
    expect(single.get('delete')).toBe(false);
    const several = new Map(ids(listingMenuEntries(commands, [obj('a'), dir('b/')], 'linux')));
    expect(several.get('open')).toBe(true);
    const roots = new Map(ids(listingMenuEntries(commands, [dir('public/', 'public')], 'linux')));
    expect(roots.get('move')).toBe(true);
    expect(roots.get('preview')).toBe(true);
    stop();
  });
});

describe('small helpers', () => {
  it('finds the folder to select after going up', () => {
    expect(childOnPath({ bucket: 'b', prefix: 'a/b/c/' }, { bucket: 'b', prefix: 'a/' })).toBe('a/b/');
    expect(childOnPath({ bucket: 'b', prefix: 'a/' }, { bucket: 'b', prefix: '' })).toBe('a/');
    expect(childOnPath({ bucket: 'b', prefix: 'a/' }, { bucket: 'b', prefix: 'a/b/' })).toBeNull();
    expect(childOnPath({ bucket: 'x', prefix: 'a/' }, { bucket: 'b', prefix: '' })).toBeNull();
    expect(childOnPath(null, { bucket: 'b', prefix: '' })).toBeNull();
  });

  it('names selections and splits them for a download', () => {
    expect(describeKeys(['a/b.txt'], baseName)).toBe('“b.txt”');
    expect(describeKeys(['a/b/'], baseName)).toBe('the folder “b”');
    expect(describeKeys(['x', 'y'], baseName)).toBe('2 items');
    expect(splitSelection(['a.txt', 'd/', 'e/f.txt'])).toEqual({ keys: ['a.txt', 'e/f.txt'], prefixes: ['d/'] });
  });

  it('offers Replace only when existing targets were the only problem', () => {
    expect(endedInConflict(null, { code: 'Conflict' })).toBe(true);
    expect(endedInConflict(null, { code: 'AccessDenied' })).toBe(false);
    // Picked items that would land on one key: replacing cannot help.
    expect(
      endedInConflict(null, { code: 'Conflict', details: { collisions: [{ target: 'z/f', sources: ['x/f', 'y/f'] }], collisionCount: 1 } }),
    ).toBe(false);
    const base = { jobId: 'j', done: 0, unit: 'items' as const };
    expect(endedInConflict({ ...base, status: 'running' })).toBe(false);
    expect(endedInConflict({ ...base, status: 'failed', error: { code: 'Conflict', message: '' } })).toBe(true);
    const failed = (codes: string[]) => ({
      ...base,
      status: 'finished' as const,
      outcome: { done: 0, failedTotal: codes.length, failed: codes.map((code) => ({ key: code, code, message: '' })) },
    });
    expect(endedInConflict(failed(['Conflict', 'Conflict']))).toBe(true);
    expect(endedInConflict(failed(['Conflict', 'AccessDenied']))).toBe(false);
    expect(endedInConflict(failed([]))).toBe(false);
  });
});
