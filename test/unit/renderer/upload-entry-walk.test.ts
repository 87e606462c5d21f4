import { describe, expect, it } from 'vitest';
import { distinctRoots, walkEntries, type AnyEntry } from '../../../src/renderer/features/upload/entry-walk';
import { looseFiles, nativePaths } from '../../../src/renderer/features/upload/dropped-sources';

interface FakeFile {
  name: string;
}

/** A fake file entry; `fail` makes `file()` report an error like a file deleted after the drop. */
function file(name: string, fail?: string): AnyEntry<FakeFile> {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok, bad) => (fail ? bad?.(Object.assign(new Error(fail), { name: fail })) : ok({ name })),
  };
}

/** A fake folder whose reader hands children out `batch` at a time, like Chromium's 100-entry batches. */
function dir(name: string, children: AnyEntry<FakeFile>[], batch = 2, fail?: string): AnyEntry<FakeFile> {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (ok, bad) => {
          if (fail) return bad?.(Object.assign(new Error(fail), { name: fail }));
          const slice = children.slice(offset, offset + batch);
          offset += batch;
          ok(slice);
        },
      };
    },
  };
}

describe('walkEntries', () => {
  it('keeps the dropped folder names in relative paths and reads folders to the end in batches', async () => {
    const drop = [
      dir('Shoot', [file('a.mov'), dir('raw', [file('1.mov'), file('2.mov'), file('3.mov'), file('.DS_Store')], 1), file('b.mov')]),
      file('single.txt'),
    ];
    const result = await walkEntries(drop);
    expect(result.files.map((f) => f.relativePath)).toEqual([
      'Shoot/a.mov',
      'Shoot/raw/1.mov',
      'Shoot/raw/2.mov',
      'Shoot/raw/3.mov',
      'Shoot/b.mov',
      'single.txt',
    ]);
    expect(result.files[1]?.file).toEqual({ name: '1.mov' });
    expect(result.problems).toEqual([]);
  });

  it('reports an unreadable file or folder in plain words and keeps the rest', async () => {
    const drop = [dir('Shoot', [file('gone.mov', 'NotFoundError'), dir('locked', [file('x')], 2, 'SecurityError'), file('ok.mov')])];
    const result = await walkEntries(drop);
    expect(result.files.map((f) => f.relativePath)).toEqual(['Shoot/ok.mov']);
    expect(result.problems).toEqual([
      { path: 'Shoot/gone.mov', message: expect.stringContaining('moved or deleted') as string },
      { path: 'Shoot/locked', message: expect.stringContaining('could not be listed') as string },
    ]);
  });

  it('stops at the limit and says so once', async () => {
    const result = await walkEntries([dir('many', [file('1'), file('2'), file('3'), file('4')])], 2);
    expect(result.files).toHaveLength(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/at most/);
  });
});

describe('files without entries', () => {
  it('take webkitRelativePath first, then the explicit list, then the name', () => {
    const files = [{ name: 'a.mov', webkitRelativePath: 'Picked/a.mov' }, { name: 'b.mov', webkitRelativePath: '' }, { name: 'c.mov' }];
    expect(looseFiles(files, ['x/a.mov', '/Dropped/sub/b.mov']).map((f) => f.relativePath)).toEqual([
      'Picked/a.mov',
      'Dropped/sub/b.mov',
      'c.mov',
    ]);
    expect(looseFiles(files, null).map((f) => f.relativePath)).toEqual(['Picked/a.mov', 'b.mov', 'c.mov']);
  });
});

describe('nativePaths (Electron)', () => {
  it('uploads by path and reports items that are not on disk', () => {
    const paths = new Map([
      ['clip.mov', '/home/me/clip.mov'],
      ['Shoot', '/home/me/Shoot'],
    ]);
    const result = nativePaths(
      [{ name: 'clip.mov' }, { name: 'Shoot' }, { name: 'from-browser.png' }, { name: 'clip.mov' }],
      (f) => paths.get(f.name) ?? '',
    );
    expect(result.paths).toEqual(['/home/me/clip.mov', '/home/me/Shoot']);
    expect(result.problems).toEqual([{ path: 'from-browser.png', message: expect.stringContaining('not a file on disk') as string }]);
  });
});

describe('distinctRoots', () => {
  it('gives each staged root once, in order', () => {
    expect(distinctRoots([{ root: '/s/b/Shoot' }, { root: '/s/b/one.txt' }, { root: '/s/b/Shoot' }])).toEqual([
      '/s/b/Shoot',
      '/s/b/one.txt',
    ]);
  });
});
