import type { TreeNode } from '../../../../shared/model/audit';
import { scopeOf, type IndexReport } from './report-kit';

/** Name of the bucket of files directly in a folder (not in a subfolder), in the prefix breakdown. */
export const filesHere = '(files here)';
/** Nodes the treemap gets at most: the largest children, the rest summed into one "other" node. */
const maxTreeChildren = 200;

/**
 * Storage by prefix: the folder's direct children (subfolders, and its own files as one entry),
 * with objects and bytes, largest first; and a two-level tree of the same for the treemap.
 */
export const storagePrefixReport: IndexReport = async (ctx) => {
  const prefix = ctx.params.prefix;
  const rows = await ctx.store.call('folderSizes', { bucketId: ctx.bucketId, prefix });
  const children = new Map<string, { objects: number; bytes: number; below: Map<string, number> }>();
  for (const r of rows) {
    const child = children.get(r.child) ?? { objects: 0, bytes: 0, below: new Map<string, number>() };
    child.objects += r.objects;
    child.bytes += r.bytes;
    child.below.set(r.grandchild, (child.below.get(r.grandchild) ?? 0) + r.bytes);
    children.set(r.child, child);
  }
  const sorted = [...children.entries()].sort((a, b) => b[1].bytes - a[1].bytes || a[0].localeCompare(b[0]));
  const nodes: TreeNode[] = sorted.slice(0, maxTreeChildren).map(([child, c]) => ({
    name: child === '' ? filesHere : child,
    path: prefix + child,
    value: c.bytes,
    children: [...c.below.entries()]
      .filter(([g]) => g !== '')
      .sort((a, b) => b[1] - a[1])
      .slice(0, maxTreeChildren)
      .map(([g, bytes]) => ({ name: g, path: prefix + child + g, value: bytes })),
  }));
  const rest = sorted.slice(maxTreeChildren).reduce((sum, [, c]) => sum + c.bytes, 0);
  if (rest > 0) nodes.push({ name: `${sorted.length - maxTreeChildren} more`, path: prefix, value: rest });
  const all = sorted.map(([child, c]) => ({
    key: child === '' ? prefix : prefix + child,
    name: child === '' ? filesHere : child,
    kind: child === '' ? 'files' : 'folder',
    objects: c.objects,
    bytes: c.bytes,
  }));
  const totalBytes = all.reduce((sum, r) => sum + r.bytes, 0);
  return {
    report: 'storagePrefix',
    title: 'Storage by folder',
    description: `How many objects and bytes each folder under ${prefix || 'the bucket root'} holds.`,
    columns: [
      { id: 'name', label: 'Folder', kind: 'text' },
      { id: 'objects', label: 'Objects', kind: 'count' },
      { id: 'bytes', label: 'Size', kind: 'bytes' },
      { id: 'key', label: 'Prefix', kind: 'key' },
    ],
    rows: all.slice(ctx.offset, ctx.offset + ctx.limit),
    offset: ctx.offset,
    total: all.length,
    figures: [
      { label: 'Objects', value: all.reduce((sum, r) => sum + r.objects, 0), kind: 'count' },
      { label: 'Size', value: totalBytes, kind: 'bytes' },
    ],
    chart: { kind: 'treemap', title: prefix || 'Bucket root', nodes },
    notes: [],
  };
};

/** Storage by extension (lower-cased, after the last dot of the name; none for names without one): the indexed `extension` column (index v4). */
export const storageExtensionReport: IndexReport = async (ctx) => {
  const scope = scopeOf(ctx);
  const rows = await ctx.store.all<{ extension: string; objects: number; bytes: number }>(
    `SELECT o.extension AS extension, count(*) AS objects, sum(o.size) AS bytes
     FROM objects o WHERE ${scope.where} GROUP BY 1 ORDER BY bytes DESC, extension`,
    scope.params,
  );
  const shown = rows.map((r) => ({ ...r, extension: r.extension === '' ? '(none)' : r.extension }));
  const top = shown.slice(0, 20);
  const rest = shown.slice(20).reduce((sum, r) => sum + r.bytes, 0);
  return {
    report: 'storageExtension',
    title: 'Storage by extension',
    description: 'How many objects and bytes each file extension holds.',
    columns: [
      { id: 'extension', label: 'Extension', kind: 'text' },
      { id: 'objects', label: 'Objects', kind: 'count' },
      { id: 'bytes', label: 'Size', kind: 'bytes' },
    ],
    rows: shown.slice(ctx.offset, ctx.offset + ctx.limit),
    offset: ctx.offset,
    total: shown.length,
    figures: [{ label: 'Extensions', value: shown.length, kind: 'count' }],
    chart: {
      kind: 'bars',
      title: 'Bytes by extension',
      items: [...top.map((r) => ({ name: r.extension, value: r.bytes })), ...(rest > 0 ? [{ name: 'other', value: rest }] : [])],
    },
    notes: [],
  };
};
