import { forEachConcurrent } from '../../../../shared/concurrency';
import { AppError } from '../../../../shared/errors';
import type { ResolvedConnection } from '../../connections/connections-service';
import { toAppError } from '../../s3/s3-errors';
import { isFolderKey } from '../../../../shared/model/keys';
import { walkObjects, type WalkedObject } from '../object-walker';
import { targetKeyFor, type ItemTarget } from '../selection';
import { collisionError, findCollisions, itemsThatMayCollide, type PlannedCopy } from './target-collisions';

/** Not exported: nothing outside this file can claim a plan was checked. */
const checked: unique symbol = Symbol('checked copy or move');

/** A copy or move whose targets were shown not to clash; only `checkCopyMoveTargets` makes one. */
export interface CheckedCopyMove {
  readonly items: readonly ItemTarget[];
  /**
   * The folders listed for the check, by item key. The job copies exactly these objects instead
   * of listing again, so an object added meanwhile cannot slip in unchecked.
   */
  readonly listed: ReadonlyMap<string, readonly WalkedObject[]>;
  readonly [checked]: true;
}

/** Most objects listed to check folders that may clash; past it the job is refused, not guessed at. */
export const maxCheckedObjects = 200_000;
const listConcurrency = 4;

/**
 * Proves, before anything is written, that no two objects of a copy or move land on one key and
 * that none lands on a key the same job reads or deletes. Items whose targets cannot meet (the
 * usual case) cost nothing; folders that might clash are listed in full. A clash is refused as a
 * Conflict naming both sources and the target, with every clash in its details.
 */
export async function checkCopyMoveTargets(
  { record, client }: ResolvedConnection,
  bucket: string,
  items: readonly ItemTarget[],
  verb: 'copy' | 'move',
  limit = maxCheckedObjects,
): Promise<CheckedCopyMove> {
  const suspects = [...itemsThatMayCollide(items)].sort((a, b) => a - b).flatMap((i) => items[i] ?? []);
  const folders = suspects.filter((item) => isFolderKey(item.itemKey));
  const listed = new Map<string, WalkedObject[]>();
  let total = 0;
  try {
    await forEachConcurrent(folders, listConcurrency, async (item, signal) => {
      const objects: WalkedObject[] = [];
      for await (const page of walkObjects(client, bucket, item.itemKey, signal)) {
        total += page.length;
        if (total > limit) throw tooManyToCheck(folders, limit, verb);
        objects.push(...page);
      }
      listed.set(item.itemKey, objects);
    });
  } catch (error) {
    throw toAppError(error, { bucket, endpoint: record.endpoint ?? 'AWS' });
  }
  const copies = suspects.flatMap((item): PlannedCopy[] =>
    isFolderKey(item.itemKey)
      ? (listed.get(item.itemKey) ?? []).map((o) => ({
          source: o.key,
          target: targetKeyFor(o.key, item),
          marker: isFolderKey(o.key) && o.size === 0,
        }))
      : [{ source: item.itemKey, target: item.targetKey, marker: false }],
  );
  const collisions = findCollisions(copies);
  if (collisions.length > 0) throw collisionError(collisions, verb);
  return { items, listed, [checked]: true };
}

function tooManyToCheck(folders: readonly ItemTarget[], limit: number, verb: 'copy' | 'move'): AppError {
  const names = folders
    .map((f) => `“${f.itemKey}”`)
    .slice(0, 3)
    .join(', ');
  return new AppError(
    'InvalidInput',
    `Nothing was ${verb === 'move' ? 'moved' : 'copied'}: ${names} land in overlapping places and hold more than ${limit.toLocaleString('en-US')} objects, too many to check that none would replace another. ${verb === 'move' ? 'Move' : 'Copy'} them in separate steps.`,
    { folders: folders.map((f) => f.itemKey).slice(0, 100) },
  );
}
