import type { SqlDatabase, SqlStatement } from '../store/sql-port';
import { compareKeys, prefixEnd } from './key-order';
import { classSql, etagSql, timeSql } from './stored-values';

/** One entry of a folder as a snapshot saw it: a subfolder, or an object with what the listing said. */
export type SnapshotEntry =
  | { kind: 'folder'; prefix: string }
  | { kind: 'object'; key: string; size: number; etag: string | null; lastModified: string | null; storageClass: string | null };

/** Which folder of which snapshot, and which page of it. */
export interface FolderAsOfArgs {
  bucketId: number;
  /** The snapshot: the objects as sync `syncId` left them. */
  syncId: number;
  /** The folder ('' for the bucket's top, else ending in '/'). */
  prefix: string;
  /** Entries after this one (a folder's prefix or an object's key, as the last page ended). */
  after: string | null;
  limit: number;
}

/** A page of entries in key order; `next` is the `after` of the next page, null at the end. */
export interface FolderPage {
  entries: SnapshotEntry[];
  next: string | null;
}

interface VersionRow {
  key: string;
  size: number;
  etag: string | null;
  last_modified: string | null;
  storage_class: string | null;
}

/** A version's listing fields as text (`stored-values.ts`). */
const columns = `key, size, ${etagSql('etag')} AS etag, ${timeSql('last_modified')} AS last_modified, ${classSql('storage_class')} AS storage_class`;

/**
 * Lists a folder of a snapshot (runs in the index worker). A folder of a million objects has few
 * entries, so each entry costs one index seek (skip-scan), not a read of everything below it: the
 * first key alive in the snapshot at or after a bound, from the live table and the history.
 */
export class SnapshotFolders {
  private readonly statements = new Map<string, SqlStatement>();

  constructor(private readonly db: SqlDatabase) {}

  /** One page of the folder `args.prefix` as of sync `args.syncId`. */
  list(args: FolderAsOfArgs): FolderPage {
    const end = prefixEnd(args.prefix);
    const entries: SnapshotEntry[] = [];
    // The bound: keys > `bound` (strict) or ≥ `bound`.
    // A page that ended on a folder goes on after everything in it (the folder's own marker
    // object, the key equal to the prefix, is an object entry).
    let [bound, strict] =
      args.after === null ? [args.prefix, false] : args.after === args.prefix ? [args.after, true] : nextBound(args.after);
    while (entries.length < args.limit) {
      const row = this.first(args.bucketId, args.syncId, bound, strict, end);
      if (!row) return { entries, next: null };
      const slash = row.key.indexOf('/', args.prefix.length);
      if (slash >= 0) {
        const folder = row.key.slice(0, slash + 1);
        entries.push({ kind: 'folder', prefix: folder });
        const after = prefixEnd(folder);
        if (after === null) return { entries, next: null };
        bound = after;
        strict = false;
      } else {
        entries.push({
          kind: 'object',
          key: row.key,
          size: row.size,
          etag: row.etag,
          lastModified: row.last_modified,
          storageClass: row.storage_class,
        });
        bound = row.key;
        strict = true;
      }
    }
    const last = entries.at(-1);
    const next = last === undefined ? null : last.kind === 'folder' ? last.prefix : last.key;
    return { entries, next: next !== null && this.first(args.bucketId, args.syncId, ...nextBound(next), end) ? next : null };
  }

  /** The first version alive in the snapshot past the bound, from either table. */
  private first(bucketId: number, syncId: number, bound: string, strict: boolean, end: string | null): VersionRow | undefined {
    const op = strict ? '>' : '>=';
    const upper = end === null ? '' : ' AND key < @end';
    const params = { bucket: bucketId, sync: syncId, bound, ...(end === null ? {} : { end }) };
    const live = this.statement(
      `SELECT ${columns} FROM objects WHERE bucket_id = @bucket AND key ${op} @bound${upper} AND first_sync <= @sync ORDER BY key LIMIT 1`,
    ).get(params) as VersionRow | undefined;
    const old = this.statement(
      `SELECT ${columns} FROM object_history WHERE bucket_id = @bucket AND key ${op} @bound${upper} AND first_sync <= @sync AND gone_sync > @sync ORDER BY key LIMIT 1`,
    ).get(params) as VersionRow | undefined;
    if (!live) return old;
    if (!old) return live;
    return compareKeys(old.key, live.key) < 0 ? old : live;
  }

  private statement(sql: string): SqlStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Where the page after an entry starts: past a folder's contents, or past an object's key. */
function nextBound(entry: string): [string, boolean] {
  if (entry.endsWith('/')) {
    const end = prefixEnd(entry);
    if (end !== null) return [end, false];
  }
  return [entry, true];
}
