import type { IndexedObject, SnapshotFolderPage } from '../../../shared/model/audit';
import { objectColumns } from './index-search';
import type { IndexStore } from './index-store';
import { prefixUpperBound } from './key-range';

/** Rows read per step of the walk. */
const stepRows = 500;
/** Most entries (folders and objects) one folder answer holds; the table is virtualized. */
export const maxSnapshotEntries = 10_000;

/**
 * One folder of the last snapshot, as a delimiter listing would give it, from the index alone
 * (offline). A loose index scan: read keys in order under the folder; on meeting a subfolder, record
 * it and jump past everything in it (one seek of the key index), so a folder with a million keys
 * below a few subfolders costs a few reads, not a million.
 */
export async function listSnapshotFolder(
  store: IndexStore,
  scope: { connectionId: string; bucket: string },
  prefix: string,
): Promise<SnapshotFolderPage & { truncated: boolean }> {
  const folders: string[] = [];
  const objects: IndexedObject[] = [];
  const hi = prefixUpperBound(prefix);
  let from = prefix;
  let inclusive = true;
  walk: while (folders.length + objects.length < maxSnapshotEntries) {
    const rows = await store.all<IndexedObject>(
      `SELECT ${objectColumns} FROM objects o WHERE o.connection_id = @connectionId AND o.bucket = @bucket
       AND o.key ${inclusive ? '>=' : '>'} @from ${hi === null ? '' : 'AND o.key < @hi'} ORDER BY o.key LIMIT ${stepRows}`,
      { ...scope, from, ...(hi === null ? {} : { hi }) },
    );
    let jumped = false;
    for (const row of rows) {
      const rest = row.key.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) {
        // The folder's own placeholder (key == prefix) is not an entry of itself.
        if (rest !== '') objects.push(row);
        from = row.key;
        inclusive = false;
        if (folders.length + objects.length >= maxSnapshotEntries) break walk;
        continue;
      }
      const folder = prefix + rest.slice(0, slash + 1);
      folders.push(folder);
      const next = prefixUpperBound(folder);
      if (next === null) break walk;
      from = next;
      inclusive = true;
      jumped = true;
      break;
    }
    if (!jumped && rows.length < stepRows) break;
  }
  return {
    prefix,
    folders,
    objects,
    offset: 0,
    objectTotal: objects.length,
    truncated: folders.length + objects.length >= maxSnapshotEntries,
  };
}
