import { linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileNoFollow, makeFolderInside, openExistingNoFollow } from '../../../src/main/core/files/contained-writes';

let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'bucket-admin-contained-'));
  root = path.join(base, 'chosen');
  outside = path.join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'precious.txt'), 'precious');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('makeFolderInside', () => {
  it('creates nested folders level by level', async () => {
    await makeFolderInside(root, path.join(root, 'a', 'b', 'c'));
    expect(lstatSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    await makeFolderInside(root, path.join(root, 'a', 'b', 'c')); // again: already there is fine
    await makeFolderInside(root, root);
  });

  it('refuses a level that is a symlink, even to a folder, and creates nothing through it', async () => {
    symlinkSync(outside, path.join(root, 'planted'));
    await expect(makeFolderInside(root, path.join(root, 'planted', 'deeper'))).rejects.toMatchObject({
      code: 'Forbidden',
      message: expect.stringMatching(/planted inside the download folder is a symbolic link.*Remove or rename the link/) as string,
    });
    expect(readdirSync(outside)).toEqual(['precious.txt']);
  });

  it('refuses a file where a folder must go, and a path outside the root', async () => {
    writeFileSync(path.join(root, 'file'), 'x');
    await expect(makeFolderInside(root, path.join(root, 'file', 'sub'))).rejects.toMatchObject({ code: 'Conflict' });
    await expect(makeFolderInside(root, path.join(root, '..', 'outside', 'x'))).rejects.toMatchObject({ code: 'Forbidden' });
    expect(readdirSync(outside)).toEqual(['precious.txt']);
  });

  it('follows the chosen folder itself when it is a link (the user picked it)', async () => {
    const linkedRoot = path.join(base, 'linked');
    symlinkSync(root, linkedRoot);
    await makeFolderInside(linkedRoot, path.join(linkedRoot, 'x'));
    expect(lstatSync(path.join(root, 'x')).isDirectory()).toBe(true);
  });
});

describe('createFileNoFollow', () => {
  it('refuses a symlink at the name and leaves its target alone', async () => {
    const name = path.join(root, '.a.txt.part-bucketadmin');
    symlinkSync(path.join(outside, 'precious.txt'), name);
    await expect(createFileNoFollow(name, root)).rejects.toMatchObject({ code: 'Forbidden' });
    expect(readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('precious');
  });

  it('replaces a leftover file with a new one, never writing through a hard link to it', async () => {
    const name = path.join(root, '.a.txt.part-bucketadmin');
    linkSync(path.join(outside, 'precious.txt'), name);
    const handle = await createFileNoFollow(name, root);
    await handle.write('new bytes');
    await handle.close();
    expect(readFileSync(name, 'utf8')).toBe('new bytes');
    expect(readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('precious');
  });
});

describe('openExistingNoFollow', () => {
  it('opens our own partial file, and refuses a link or a hard-linked file', async () => {
    const own = path.join(root, 'own.part');
    writeFileSync(own, 'partial');
    await (await openExistingNoFollow(own, root)).close();
    const soft = path.join(root, 'soft.part');
    symlinkSync(path.join(outside, 'precious.txt'), soft);
    await expect(openExistingNoFollow(soft, root)).rejects.toMatchObject({ code: 'Forbidden' });
    const hard = path.join(root, 'hard.part');
    linkSync(path.join(outside, 'precious.txt'), hard);
    await expect(openExistingNoFollow(hard, root)).rejects.toMatchObject({ code: 'Conflict' });
    expect(readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('precious');
  });
});
