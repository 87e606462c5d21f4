import { describe, expect, it } from 'vitest';
import { planRename, planTransfer } from '../../../../src/main/core/browse/selection';
import {
  collisionError,
  findCollisions,
  itemsThatMayCollide,
  maxListedCollisions,
  type PlannedCopy,
} from '../../../../src/main/core/browse/copy-move/target-collisions';

const fillers = Array.from({ length: 12 }, (_, i) => `m/item-${i}.txt`);
const file = (source: string, target: string): PlannedCopy => ({ source, target, marker: false });
const marker = (source: string, target: string): PlannedCopy => ({ source, target, marker: true });

describe('which picked items may clash (no listing needed for the rest)', () => {
  it('finds two files that get one name, however many items lie between them', () => {
    const items = planTransfer(['x/f.txt', ...fillers, 'y/f.txt'], 'z/', 'move');
    expect([...itemsThatMayCollide(items)].sort((a, b) => a - b)).toEqual([0, 13]);
  });

  it('finds two same-named folders, a folder moved up into one of its own name, and a folder landing on another item', () => {
    expect(itemsThatMayCollide(planTransfer(['a/photos/', 'b/photos/', 'c/other/'], 'z/', 'move'))).toEqual(new Set([0, 1]));
    // d/x/x/ becomes d/x/: its own contents land inside its own source.
    expect(itemsThatMayCollide(planTransfer(['d/x/x/'], 'd/', 'move'))).toEqual(new Set([0]));
    // a/x/ becomes z/x/, where z/x/f is picked too.
    expect(itemsThatMayCollide(planTransfer(['a/x/', 'z/x/f'], 'z/', 'move'))).toEqual(new Set([0, 1]));
  });

  it('finds nothing for the usual cases: distinct names, names differing only in case, a file and a folder of one name, a rename', () => {
    expect(itemsThatMayCollide(planTransfer(['x/a.txt', 'y/b.txt', 'p/q/', 'p/r/'], 'z/', 'move'))).toEqual(new Set());
    expect(itemsThatMayCollide(planTransfer(['x/F.txt', 'y/f.txt', 'x/D/', 'y/d/'], 'z/', 'copy'))).toEqual(new Set());
    expect(itemsThatMayCollide(planTransfer(['x/a', 'y/a/'], 'z/', 'move'))).toEqual(new Set());
    // Moving a folder up a level or into a sibling never meets itself unless the names repeat.
    expect(itemsThatMayCollide(planTransfer(['p/q/r/'], 'p/', 'move'))).toEqual(new Set());
    expect(itemsThatMayCollide([planRename('p/dir/', 'dir2')])).toEqual(new Set());
    expect(itemsThatMayCollide([planRename('p/a.txt', 'a.txt.bak')])).toEqual(new Set());
  });
});

describe('clashes in a full plan', () => {
  it('reports two sources that land on one key, and all of three', () => {
    expect(findCollisions([file('x/f.txt', 'z/f.txt'), file('m/1', 'z/1'), file('y/f.txt', 'z/f.txt')])).toEqual([
      { target: 'z/f.txt', sources: ['x/f.txt', 'y/f.txt'], kind: 'sameTarget' },
    ]);
    expect(findCollisions([file('a/k', 'z/k'), file('b/k', 'z/k'), file('c/k', 'z/k')])).toEqual([
      { target: 'z/k', sources: ['a/k', 'b/k', 'c/k'], kind: 'sameTarget' },
    ]);
  });

  it('reports a file and a folder object that yield one key', () => {
    expect(findCollisions([file('x/a', 'z/a'), file('q/sub/a', 'z/a')])).toEqual([
      { target: 'z/a', sources: ['x/a', 'q/sub/a'], kind: 'sameTarget' },
    ]);
  });

  it('reports a source that lands on a key the same job reads or deletes', () => {
    expect(findCollisions([file('d/x/x/g', 'd/x/g'), file('d/x/x/x/g', 'd/x/x/g')])).toEqual([
      { target: 'd/x/x/g', sources: ['d/x/x/x/g', 'd/x/x/g'], kind: 'targetIsSource' },
    ]);
  });

  it('lets empty folder markers merge, but not a marker and a data object at one key', () => {
    expect(findCollisions([marker('a/d/', 'z/d/'), marker('b/d/', 'z/d/'), file('a/d/1', 'z/d/1'), file('b/d/2', 'z/d/2')])).toEqual([]);
    expect(findCollisions([marker('d/x/x/', 'd/x/'), marker('d/x/x/x/', 'd/x/x/')])).toEqual([]);
    expect(findCollisions([marker('a/d/', 'z/d/'), file('b/d/', 'z/d/')])).toEqual([
      { target: 'z/d/', sources: ['a/d/', 'b/d/'], kind: 'sameTarget' },
    ]);
  });

  it('treats keys that differ only in case as different', () => {
    expect(findCollisions([file('x/F.txt', 'z/F.txt'), file('y/f.txt', 'z/f.txt')])).toEqual([]);
  });

  it('sorts clashes by target', () => {
    const found = findCollisions([file('a/p', 'z/p'), file('b/p', 'z/p'), file('a/d/q', 'z/d/q'), file('b/d/q', 'z/d/q')]);
    expect(found.map((c) => c.target)).toEqual(['z/d/q', 'z/p']);
  });
});

describe('the refusal', () => {
  it('is a Conflict naming both sources and the target, saying nothing was moved', () => {
    const error = collisionError(findCollisions([file('x/f.txt', 'z/f.txt'), file('y/f.txt', 'z/f.txt')]), 'move');
    expect(error.code).toBe('Conflict');
    expect(error.message).toBe(
      'Nothing was moved: “x/f.txt” and “y/f.txt” would both become “z/f.txt”, so one would replace the other. Rename one of them first, or move them to different folders.',
    );
    expect(error.details).toEqual({
      collisions: [{ target: 'z/f.txt', sources: ['x/f.txt', 'y/f.txt'], kind: 'sameTarget' }],
      collisionCount: 1,
    });
  });

  it('explains a target that is also a source, for a copy', () => {
    const error = collisionError(findCollisions([file('d/x/x/g', 'd/x/g'), file('d/x/x/x/g', 'd/x/x/g')]), 'copy');
    expect(error.message).toMatch(
      /^Nothing was copied: “d\/x\/x\/x\/g” would land on “d\/x\/x\/g”, which is itself being copied in this job.*Copy them in separate steps\.$/,
    );
  });

  it('lists at most a bounded number of clashes and counts the rest', () => {
    const copies = Array.from({ length: maxListedCollisions + 5 }, (_, i) => [file(`a/${i}`, `z/${i}`), file(`b/${i}`, `z/${i}`)]).flat();
    const error = collisionError(findCollisions(copies), 'move');
    expect(error.message).toMatch(/\(and 104 more such clashes\)/);
    expect(error.details).toMatchObject({ collisionCount: maxListedCollisions + 5 });
    expect((error.details?.['collisions'] as unknown[]).length).toBe(maxListedCollisions);
  });
});
