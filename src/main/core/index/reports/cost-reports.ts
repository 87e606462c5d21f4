import { objectColumns } from '../index-search';
import { etagSql } from '../stored-values';
import { scalar, scopeOf, type IndexReport } from './report-kit';

type Row = Record<string, string | number | null>;

/** Largest objects first. */
export const largestReport: IndexReport = async (ctx) => {
  const scope = scopeOf(ctx);
  const [rows, total, bytes] = await Promise.all([
    ctx.store.all<Row>(
      `SELECT ${objectColumns} FROM objects o WHERE ${scope.where} ORDER BY o.size DESC, o.key LIMIT @limit OFFSET @offset`,
      scope.params,
    ),
    scalar(ctx.store, `SELECT count(*) AS n FROM objects o WHERE ${scope.where}`, scope.params),
    scalar(ctx.store, `SELECT sum(o.size) AS n FROM objects o WHERE ${scope.where}`, scope.params),
  ]);
  return {
    report: 'largest',
    title: 'Largest objects',
    description: 'Every object, largest first.',
    columns: [
      { id: 'key', label: 'Key', kind: 'key' },
      { id: 'size', label: 'Size', kind: 'bytes' },
      { id: 'storageClass', label: 'Storage class', kind: 'text' },
      { id: 'lastModified', label: 'Last modified', kind: 'date' },
    ],
    rows,
    offset: ctx.offset,
    total,
    figures: [
      { label: 'Objects', value: total, kind: 'count' },
      { label: 'Total size', value: bytes, kind: 'bytes' },
    ],
    notes: [],
  };
};

/**
 * Duplicates: objects with the same ETag and size, one row per group, most wasted bytes first (ties
 * by ETag). Empty objects (folder placeholders) are left out. A multipart ETag depends on the part size as
 * well as the bytes, so two copies uploaded with different part sizes are not found: a duplicate
 * found here is certain, a miss is not proof of uniqueness.
 *
 * The groups come from the (bucket, ETag, size) index alone (index v7); only the page's groups read
 * two of their keys: the first and the last copy in the index's order (the order syncs found
 * them in). The lowest and highest key would mean reading every copy of each group shown.
 */
/** The groups of duplicates among `objects o` matching `where`: etag (stored: `stored-values.ts`), size, copies. */
export function duplicateGroupsSql(where: string): string {
  return `SELECT o.etag, o.size, count(*) AS copies FROM objects o
    WHERE ${where} AND o.size > 0 AND o.etag <> '' GROUP BY o.etag, o.size HAVING count(*) > 1`;
}

export const duplicatesReport: IndexReport = async (ctx) => {
  const scope = scopeOf(ctx);
  const groups = duplicateGroupsSql(scope.where);
  const copy = (direction: 'ASC' | 'DESC') => `(SELECT k.key FROM objects k
    WHERE k.bucket_id = @bucketId AND k.etag = p.etag AND k.size = p.size ORDER BY k.id ${direction} LIMIT 1)`;
  const [rows, totals] = await Promise.all([
    ctx.store.all<Row>(
      `SELECT ${copy('ASC')} AS key, ${copy('DESC')} AS lastKey, ${etagSql('p.etag')} AS etag, p.size, p.copies, p.wasted FROM (
         SELECT etag, size, copies, (copies - 1) * size AS wasted FROM (${groups})
         ORDER BY wasted DESC, etag, size LIMIT @limit OFFSET @offset) p`,
      scope.params,
    ),
    ctx.store.get<{ groups: number; wasted: number | null; copies: number | null }>(
      `SELECT count(*) AS groups, sum((copies - 1) * size) AS wasted, sum(copies) AS copies FROM (${groups})`,
      scope.params,
    ),
  ]);
  const wasted = totals?.wasted ?? 0;
  return {
    report: 'duplicates',
    title: 'Duplicates',
    description: 'Objects with the same ETag and size: the same bytes stored more than once.',
    columns: [
      { id: 'key', label: 'First copy', kind: 'key' },
      { id: 'lastKey', label: 'Last copy', kind: 'key' },
      { id: 'copies', label: 'Copies', kind: 'count' },
      { id: 'size', label: 'Size', kind: 'bytes' },
      { id: 'wasted', label: 'Wasted', kind: 'bytes' },
      { id: 'etag', label: 'ETag', kind: 'text' },
    ],
    rows,
    offset: ctx.offset,
    total: totals?.groups ?? 0,
    figures: [
      { label: 'Groups of duplicates', value: totals?.groups ?? 0, kind: 'count' },
      { label: 'Objects in them', value: totals?.copies ?? 0, kind: 'count' },
      { label: 'Wasted bytes', value: wasted, kind: 'bytes' },
    ],
    notes: [],
  };
};

/**
 * Objects and bytes per storage class among `objects o` matching `where`. The classes other than
 * STANDARD are grouped from their index (v8: it holds only those, in class order), and STANDARD
 * (stored as NULL, v12) is every object less them: the index of every object's class went in
 * v15 (10 MB at 1,000,000 objects), and the count and bytes of all of them come from the size
 * index, which covers them (1,000,000 objects: ~30 ms; grouping every row by class without an
 * index sorted them all first, 0.65 s).
 */
export function storageClassSql(where: string): string {
  const others = `SELECT o.storage_class AS storageClass, count(*) AS objects, sum(o.size) AS bytes
       FROM objects o WHERE ${where} AND o.storage_class <> 'STANDARD' GROUP BY o.storage_class`;
  return `WITH other AS (${others}),
       rest AS (SELECT count(*) - (SELECT coalesce(sum(objects), 0) FROM other) AS objects,
                       coalesce(sum(o.size), 0) - (SELECT coalesce(sum(bytes), 0) FROM other) AS bytes FROM objects o WHERE ${where})
     SELECT storageClass, objects, bytes FROM other
     UNION ALL SELECT 'STANDARD', objects, bytes FROM rest WHERE objects > 0
     ORDER BY bytes DESC, storageClass`;
}

/** Storage by storage class (a missing class is STANDARD), most bytes first. */
export const storageClassReport: IndexReport = async (ctx) => {
  const scope = scopeOf(ctx);
  const rows = await ctx.store.all<{ storageClass: string; objects: number; bytes: number }>(storageClassSql(scope.where), scope.params);
  return {
    report: 'storageClass',
    title: 'Storage by class',
    description: 'How many objects and bytes each storage class holds.',
    columns: [
      { id: 'storageClass', label: 'Storage class', kind: 'text' },
      { id: 'objects', label: 'Objects', kind: 'count' },
      { id: 'bytes', label: 'Size', kind: 'bytes' },
    ],
    rows: rows.slice(ctx.offset, ctx.offset + ctx.limit),
    offset: ctx.offset,
    total: rows.length,
    figures: [{ label: 'Classes', value: rows.length, kind: 'count' }],
    chart: { kind: 'bars', title: 'Bytes by storage class', items: rows.map((r) => ({ name: r.storageClass, value: r.bytes })) },
    notes: [],
  };
};
