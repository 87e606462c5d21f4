import type { SqlDatabase } from '../store/sql-port';
import type { ConnectionRecord } from './connection-record';

interface Row {
  id: string;
  name: string;
  settings_json: string;
  created_at: string;
  updated_at: string;
}

/** Reads and writes connection rows and their encrypted secret blobs. */
export class ConnectionRepository {
  private byId: ReturnType<SqlDatabase['prepare']> | undefined;

  constructor(private readonly db: SqlDatabase) {}

  list(): ConnectionRecord[] {
    const rows = this.db.prepare('SELECT * FROM connections ORDER BY name COLLATE NOCASE').all() as Row[];
    return rows.map(fromRow);
  }

  get(id: string): ConnectionRecord | undefined {
    // Prepared once: every transfer resolves its connection, 2,000 small downloads = 2,000 reads.
    this.byId ??= this.db.prepare('SELECT * FROM connections WHERE id = ?');
    const row = this.byId.get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Inserts or replaces the row and, when given, the secret, in one transaction. */
  save(record: ConnectionRecord, secretBlob: Buffer | null | undefined): void {
    const { id, name, createdAt, updatedAt, ...settings } = record;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO connections (id, name, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, settings_json = excluded.settings_json,
           updated_at = excluded.updated_at`,
        )
        .run(id, name, JSON.stringify(settings), createdAt, updatedAt);
      if (secretBlob === null) {
        this.db.prepare('DELETE FROM secrets WHERE connection_id = ?').run(id);
      } else if (secretBlob !== undefined) {
        this.db
          .prepare(
            `INSERT INTO secrets (connection_id, blob, updated_at) VALUES (?, ?, ?)
             ON CONFLICT(connection_id) DO UPDATE SET blob = excluded.blob, updated_at = excluded.updated_at`,
          )
          .run(id, secretBlob, updatedAt);
      }
    })();
  }

  secretBlob(id: string): Buffer | undefined {
    const row = this.db.prepare('SELECT blob FROM secrets WHERE connection_id = ?').get(id) as { blob: Buffer } | undefined;
    return row?.blob;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM connections WHERE id = ?').run(id).changes > 0;
  }
}

function fromRow(row: Row): ConnectionRecord {
  // Rows saved before the transfer engine setting existed have none: they keep the default.
  const settings = JSON.parse(row.settings_json) as Omit<ConnectionRecord, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'transferEngine'> &
    Partial<Pick<ConnectionRecord, 'transferEngine'>>;
  return {
    ...settings,
    transferEngine: settings.transferEngine ?? 'fast',
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
