import { describe, expect, it } from 'vitest';
import type { ListingRow } from '../../../src/renderer/features/browser/listing-rows';
import { typeLabel } from '../../../src/renderer/format/file-types';
import { extensionOf } from '../../../src/shared/model/file-extension';
import { filterRows } from '../../../src/renderer/features/browser/filter-rows';
import { emptyHistory, goBack, goForward, visit } from '../../../src/renderer/features/browser/nav-history';
import { findTypeAheadMatch, typeAheadActive, typeAheadStep, emptyTypeAhead } from '../../../src/renderer/features/browser/type-to-find';

const row = (name: string): ListingRow => ({ entry: { kind: 'object', key: `x/${name}`, name, size: 1 }, root: null });

describe('filterRows', () => {
  const rows = [row('Report 2024.pdf'), row('photo.JPG'), row('café.txt'), row('notes')];
  it('matches part of the name, ignoring case', () => {
    expect(filterRows(rows, 'REP').map((r) => r.entry.name)).toEqual(['Report 2024.pdf']);
    expect(filterRows(rows, '.jpg').map((r) => r.entry.name)).toEqual(['photo.JPG']);
  });
  it('returns the same array for an empty filter', () => {
    expect(filterRows(rows, '')).toBe(rows);
    expect(filterRows(rows, '   ')).toBe(rows);
  });
  it('matches NFD names with NFC input', () => {
    const nfd = row('cafe\u0301 menu.txt');
    expect(filterRows([nfd], 'caf\u00e9')).toEqual([nfd]);
  });
});

describe('type labels', () => {
  it('names types from the extension', () => {
    expect(typeLabel('folder', 'a/')).toBe('Folder');
    expect(typeLabel('object', 'Clip.MP4')).toBe('MP4 video');
    expect(typeLabel('object', 'archive.xyz')).toBe('XYZ file');
    expect(typeLabel('object', 'README')).toBe('File');
    expect(extensionOf('.env')).toBe('');
    expect(extensionOf('trailing.')).toBe('');
  });
});

describe('type-to-find', () => {
  const names = ['alpha', 'beta', 'bravo', 'charlie', 'Brie'];
  const at = (i: number) => names[i] ?? '';
  it('builds a word while typing fast and restarts after a pause', () => {
    let s = typeAheadStep(emptyTypeAhead, 'b', 1000);
    s = typeAheadStep(s, 'R', 1200);
    expect(s.buffer).toBe('br');
    expect(typeAheadActive(s, 1500)).toBe(true);
    s = typeAheadStep(s, 'c', 5000);
    expect(s.buffer).toBe('c');
  });
  it('finds the first match after the focus, wrapping, and cycles on a repeated letter', () => {
    expect(findTypeAheadMatch(5, at, 'b', -1)).toBe(1);
    expect(findTypeAheadMatch(5, at, 'br', 1)).toBe(2);
    expect(findTypeAheadMatch(5, at, 'bb', 2)).toBe(4);
    expect(findTypeAheadMatch(5, at, 'b', 4)).toBe(1);
    expect(findTypeAheadMatch(5, at, 'zz', 0)).toBe(-1);
    expect(findTypeAheadMatch(5, at, 'bra', 2)).toBe(2);
  });
});

describe('navigation history', () => {
  const p = (prefix: string) => ({ bucket: 'b', prefix });
  it('goes back and forward, and a new visit drops the forward list', () => {
    let h = visit(visit(visit(emptyHistory, p('')), p('public/')), p('public/a/'));
    h = goBack(h);
    expect(h.current).toEqual(p('public/'));
    h = goBack(h);
    expect(h.current).toEqual(p(''));
    expect(goBack(h)).toBe(h);
    h = goForward(h);
    expect(h.current).toEqual(p('public/'));
    h = visit(h, p('private/'));
    expect(h.forward).toEqual([]);
    expect(goForward(h)).toBe(h);
    expect(visit(h, p('private/'))).toBe(h);
  });
});
