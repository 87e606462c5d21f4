import type { ListEntry, ListPage } from '../../../shared/model/bucket';
import { parentPrefix } from '../../../shared/model/keys';
import { rootAt, rootKinds, type RootKind, type Roots } from '../../../shared/model/roots';

/** One row of the listing table: an entry, and which root it is when it is one. */
export interface ListingRow {
  entry: ListEntry;
  root: RootKind | null;
}

/**
 * A row's display name: S3 folder names end with "/", which the folder icon already says. It may
 * be empty (the folder "a//" inside "a/"); the row then shows a visible "(empty name)" marker.
 */
export function displayName(entry: ListEntry): string {
  return entry.kind === 'folder' && entry.name.endsWith('/') ? entry.name.slice(0, -1) : entry.name;
}

/**
 * The rows for a folder, in the order they arrived, with the public and private roots first and
 * marked. At the bucket's top level both roots always show (as shortcuts, even if nested deeper
 * or not created yet); elsewhere a root shows first when it is a direct child of the folder.
 */
export function buildListingRows(pages: readonly ListPage[] | undefined, prefix: string, roots: Roots): ListingRow[] {
  const entries = (pages ?? []).flatMap((p) => p.entries);
  const rootRows: ListingRow[] = [];
  const shownRoots = new Set<string>();
  for (const kind of rootKinds) {
    const key = roots[kind];
    if (shownRoots.has(key) || (prefix !== '' && parentPrefix(key) !== prefix)) continue;
    const existing = entries.find((e) => e.kind === 'folder' && e.key === key);
    if (prefix !== '' && !existing) continue;
    shownRoots.add(key);
    const name = prefix === '' ? key : key.slice(prefix.length);
    rootRows.push({ entry: existing ?? { kind: 'folder', key, name }, root: kind });
  }
  const rest: ListingRow[] = [];
  for (const entry of entries) {
    if (entry.kind === 'folder' && shownRoots.has(entry.key)) continue;
    rest.push({ entry, root: entry.kind === 'folder' ? rootAt(entry.key, roots) : null });
  }
  return [...rootRows, ...rest];
}
