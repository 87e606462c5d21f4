import type { ListEntry } from '../../../shared/model/bucket';

/** The parts of a ListObjectsV2 page the listing uses (SDK types are all-optional). */
export interface RawListing {
  commonPrefixes: readonly (string | undefined)[];
  contents: readonly {
    key?: string;
    size?: number;
    lastModified?: Date;
    etag?: string;
    storageClass?: string;
  }[];
}

/**
 * Turns one page into rows: folders first, then objects, each key at most once.
 * The folder's own `prefix` placeholder is not a row inside itself; a zero-byte `name/`
 * placeholder that a server lists as an object (instead of rolling it into a common prefix)
 * becomes the folder row, so a folder never shows twice. Rows are keyed by `key`, so the
 * renderer can merge pages by key as well.
 */
export function buildEntries(prefix: string, raw: RawListing): ListEntry[] {
  const seen = new Set<string>();
  const folders: ListEntry[] = [];
  const objects: ListEntry[] = [];
  const addFolder = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    folders.push({ kind: 'folder', key, name: key.slice(prefix.length) });
  };
  for (const key of raw.commonPrefixes) {
    if (key && key.startsWith(prefix) && key !== prefix) addFolder(key);
  }
  for (const o of raw.contents) {
    const key = o.key;
    if (!key || key === prefix || !key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash >= 0) {
      // Only a server that ignored the delimiter lists this: show its folder, once.
      addFolder(key.slice(0, prefix.length + slash + 1));
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    objects.push({
      kind: 'object',
      key,
      name: rest,
      size: o.size ?? 0,
      ...(o.lastModified ? { lastModified: o.lastModified.toISOString() } : {}),
      ...(o.etag ? { etag: o.etag } : {}),
      ...(o.storageClass ? { storageClass: o.storageClass } : {}),
    });
  }
  return [...folders, ...objects];
}
