import { describe, expect, it } from 'vitest';
import type { ListEntry, ListPage } from '../../../src/shared/model/bucket';
import { buildListingRows, displayName } from '../../../src/renderer/features/browser/listing-rows';
import { rootOf } from '../../../src/shared/model/roots';

const roots = { public: 'public/', private: 'private/' };
const folder = (key: string, name = key): ListEntry => ({ kind: 'folder', key, name });
const object = (key: string): ListEntry => ({ kind: 'object', key, name: key, size: 1 });
const page = (prefix: string, entries: ListEntry[]): ListPage => ({ prefix, entries });

describe('buildListingRows', () => {
  it('puts both roots first at the top level, marked, then the rest in arrival order', () => {
    const rows = buildListingRows(
      [page('', [folder('assets/'), folder('private/'), folder('public/')]), page('', [object('readme.txt')])],
      '',
      roots,
    );
    expect(rows.map((r) => [r.entry.key, r.root])).toEqual([
      ['public/', 'public'],
      ['private/', 'private'],
      ['assets/', null],
      ['readme.txt', null],
    ]);
  });

  it('shows the roots at the top level even before they exist', () => {
    const rows = buildListingRows([page('', [])], '', roots);
    expect(rows.map((r) => r.entry.key)).toEqual(['public/', 'private/']);
  });

  it('shows a nested root first only inside its parent folder', () => {
    const nested = { public: 'site/public/', private: 'site/private/' };
    const inSite = buildListingRows([page('site/', [folder('site/a/', 'a/'), folder('site/public/', 'public/')])], 'site/', nested);
    expect(inSite.map((r) => [r.entry.key, r.root])).toEqual([
      ['site/public/', 'public'],
      ['site/a/', null],
    ]);
    const elsewhere = buildListingRows([page('other/', [folder('other/x/')])], 'other/', nested);
    expect(elsewhere.map((r) => r.root)).toEqual([null]);
  });

  it('is empty inside an empty folder', () => {
    expect(buildListingRows([page('public/', [])], 'public/', roots)).toEqual([]);
    expect(buildListingRows(undefined, 'public/', roots)).toEqual([]);
  });
});

describe('displayName and rootOf', () => {
  it('drops the trailing slash of folder names only', () => {
    expect(displayName(folder('a/b/', 'b/'))).toBe('b');
    expect(displayName(object('a/file.txt'))).toBe('a/file.txt');
  });

  it('finds the root a prefix lies in', () => {
    expect(rootOf('public/media/', roots)).toBe('public');
    expect(rootOf('private/', roots)).toBe('private');
    expect(rootOf('publicity/', roots)).toBeNull();
  });
});
