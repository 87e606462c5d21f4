import type { SqlDatabase } from '../store/sql-port';
import type { LedgerEntry, ShareKind } from '../../../shared/model/share';

/** What is recorded for each link issued: never the signature, never the signed URL. */
export type LedgerRecord = Omit<LedgerEntry, 'id' | 'alive'>;

/** Which rows to show; every field narrows the set. */
export interface LedgerFilter {
  connectionId?: string;
  bucket?: string;
  /** Substring of the key/prefix or of the note, case-insensitive (ASCII). */
  search?: string;
  kinds?: readonly ShareKind[];
  state: 'any' | 'alive' | 'expired';
  /** Rows up to this id only: an export's snapshot, unmoved by links issued while it is written. */
  upToId?: number;
}

interface Row {
  id: number;
  created_at: string;
  connection_id: string;
  connection_name: string;
  bucket: string;
  object_key: string;
  target: 'object' | 'prefix';
  kind: ShareKind;
  expires_at: string | null;
  os_user: string;
  note: string | null;
  options_json: string;
  resource: string;
}

/** Escapes LIKE wildcards so a search for "50%_off" matches that text literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Builds the WHERE clause for a filter; `now` (ISO) decides alive/expired. Pure. */
export function ledgerWhere(filter: LedgerFilter, now: string): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.connectionId !== undefined) {
    clauses.push('connection_id = ?');
    params.push(filter.connectionId);
  }
  if (filter.upToId !== undefined) {
    clauses.push('id <= ?');
    params.push(filter.upToId);
  }
  if (filter.bucket !== undefined) {
    clauses.push('bucket = ?');
    params.push(filter.bucket);
  }
  const search = filter.search?.trim();
  if (search) {
    clauses.push(`(object_key LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')`);
    params.push(likePattern(search), likePattern(search));
  }
  if (filter.kinds && filter.kinds.length > 0) {
    clauses.push(`kind IN (${filter.kinds.map(() => '?').join(', ')})`);
    params.push(...filter.kinds);
  }
  // ISO strings from toISOString() sort as the instants they name.
  if (filter.state === 'alive') {
    clauses.push('(expires_at IS NULL OR expires_at > ?)');
    params.push(now);
  } else if (filter.state === 'expired') {
    clauses.push('(expires_at IS NOT NULL AND expires_at <= ?)');
    params.push(now);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The share-link ledger in SQLite: append rows, page through them, export them. */
export class LinkLedger {
  constructor(private readonly db: SqlDatabase) {}

  /** Appends rows in one transaction and returns their ids in order. */
  record(records: readonly LedgerRecord[]): number[] {
    const insert = this.db.prepare(
      `INSERT INTO share_links (created_at, connection_id, connection_name, bucket, object_key, target, kind,
        expires_at, os_user, note, options_json, resource) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() =>
      records.map((r) =>
        Number(
          insert.run(
            r.createdAt,
            r.connectionId,
            r.connectionName,
            r.bucket,
            r.key,
            r.target,
            r.kind,
            r.expiresAt,
            r.osUser,
            r.note,
            JSON.stringify(r.options),
            r.resource,
          ).lastInsertRowid,
        ),
      ),
    )();
  }

  /** Newest first; `total` counts every row the filter matches. */
  page(filter: LedgerFilter, now: Date, offset: number, limit: number): { entries: LedgerEntry[]; total: number } {
    return { entries: this.entries(filter, now, offset, limit), total: this.count(filter, now) };
  }

  /** Newest first, without counting. */
  entries(filter: LedgerFilter, now: Date, offset: number, limit: number): LedgerEntry[] {
    const iso = now.toISOString();
    const where = ledgerWhere(filter, iso);
    const rows = this.db
      .prepare(`SELECT * FROM share_links ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset) as Row[];
    return rows.map((row) => toEntry(row, iso));
  }

  /** How many rows the filter matches. */
  count(filter: LedgerFilter, now: Date): number {
    const where = ledgerWhere(filter, now.toISOString());
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM share_links ${where.sql}`).get(...where.params) as { n: number }).n;
  }

  /** The id of the newest row (0 when empty): rows are only ever appended, with growing ids. */
  newestId(): number {
    return (this.db.prepare('SELECT coalesce(max(id), 0) AS id FROM share_links').get() as { id: number }).id;
  }
}

function toEntry(row: Row, now: string): LedgerEntry {
  return {
    id: row.id,
    createdAt: row.created_at,
    connectionId: row.connection_id,
    connectionName: row.connection_name,
    bucket: row.bucket,
    key: row.object_key,
    target: row.target,
    kind: row.kind,
    expiresAt: row.expires_at,
    alive: row.expires_at === null || row.expires_at > now,
    osUser: row.os_user,
    note: row.note,
    options: JSON.parse(row.options_json) as LedgerEntry['options'],
    resource: row.resource,
  };
}
