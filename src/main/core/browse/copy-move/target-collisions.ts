import { AppError } from '../../../../shared/errors';
import type { ItemTarget } from '../selection';

/** One object of a planned copy or move: where it is and the key it gets. */
export interface PlannedCopy {
  source: string;
  target: string;
  /** A zero-byte `name/` folder marker: two markers landing on one key lose nothing. */
  marker: boolean;
}

/** Keys of one job that would overwrite each other. */
export interface Collision {
  target: string;
  /**
   * The objects that would be written to `target`, in plan order; when `target` is itself one
   * of the job's sources it comes last.
   */
  sources: string[];
  /** `sameTarget`: two sources land on one key. `targetIsSource`: a source lands on a key the job also reads. */
  kind: 'sameTarget' | 'targetIsSource';
}

/** Clashing pairs listed in a refusal's details; more are counted. */
export const maxListedCollisions = 100;

interface Range {
  key: string;
  role: 'source' | 'target';
  item: number;
}

/**
 * The items (by index) whose objects might clash with another's: those whose target meets
 * another item's target, or whose target meets any item's source (its own too: a folder moved up
 * into a folder of its own name). A file is its key; a folder is every key under its prefix.
 * Only these need their folders listed before the job starts; the others provably land on keys
 * nothing else in the job touches. Case matters: S3 keys are case-sensitive.
 */
export function itemsThatMayCollide(items: readonly ItemTarget[]): Set<number> {
  const byKey = new Map<string, Range[]>();
  const ranges: Range[] = items.flatMap((it, item) => [
    { key: it.itemKey, role: 'source' as const, item },
    { key: it.targetKey, role: 'target' as const, item },
  ]);
  for (const r of ranges) pushTo(byKey, r.key, r);
  const found = new Set<number>();
  for (const r of ranges) {
    // A range contains `r` when its key equals r's, or is a folder prefix of it: the prefixes of
    // r.key that end with `/` are the only candidates.
    for (const prefix of folderPrefixesOf(r.key)) {
      for (const c of byKey.get(prefix) ?? []) {
        if (c === r || (c.role === 'source' && r.role === 'source')) continue;
        if (c.role === 'target' && r.role === 'target' && c.item === r.item) continue;
        found.add(c.item).add(r.item);
      }
    }
  }
  return found;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `a/b/c` → `a/`, `a/b/`, `a/b/c`; a key itself is included (equal keys meet). */
function* folderPrefixesOf(key: string): Generator<string> {
  for (let i = key.indexOf('/'); i >= 0 && i < key.length - 1; i = key.indexOf('/', i + 1)) yield key.slice(0, i + 1);
  yield key;
}

/**
 * Every key the planned copies would write twice, or write while the same job still reads (or,
 * for a move, deletes) it, sorted by target. Folder markers that only meet other folder markers
 * are not clashes: merging two folders keeps one empty marker and loses no bytes.
 */
export function findCollisions(copies: Iterable<PlannedCopy>): Collision[] {
  const writers = new Map<string, PlannedCopy[]>();
  const sources = new Map<string, PlannedCopy>();
  for (const c of copies) {
    pushTo(writers, c.target, c);
    sources.set(c.source, c);
  }
  const collisions: Collision[] = [];
  for (const [target, onto] of writers) {
    const taken = sources.get(target);
    const all = taken ? [...onto, taken] : onto;
    if (all.length < 2 || all.every((c) => c.marker)) continue;
    collisions.push({ target, sources: all.map((c) => c.source), kind: taken ? 'targetIsSource' : 'sameTarget' });
  }
  return collisions.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

/**
 * The refusal for a plan with clashes: a Conflict naming the first clash's sources and target,
 * with every clash (up to `maxListedCollisions`) in its details. Nothing was written yet.
 */
export function collisionError(collisions: readonly Collision[], verb: 'copy' | 'move'): AppError {
  const [first] = collisions;
  if (!first) throw new Error('collisionError needs at least one collision.');
  const done = verb === 'move' ? 'moved' : 'copied';
  const [a = '', b = ''] = first.sources;
  const what =
    first.kind === 'sameTarget'
      ? `“${a}” and “${b}” would both become “${first.target}”, so one would replace the other`
      : `“${a}” would land on “${first.target}”, which is itself being ${done} in this job, so its own bytes could be replaced before they are ${done}`;
  const more =
    collisions.length > 1
      ? ` (and ${(collisions.length - 1).toLocaleString('en-US')} more such ${collisions.length === 2 ? 'clash' : 'clashes'})`
      : '';
  const how =
    first.kind === 'sameTarget'
      ? `Rename one of them first, or ${verb} them to different folders.`
      : `${verb === 'move' ? 'Move' : 'Copy'} them in separate steps.`;
  return new AppError('Conflict', `Nothing was ${done}: ${what}${more}. ${how}`, {
    collisions: collisions.slice(0, maxListedCollisions),
    collisionCount: collisions.length,
  });
}
