import type { SqlDatabase, SqlStatement } from '../store/sql-port';

/**
 * Settings that belong to one connection (its upload defaults, the last link expiry picked), as
 * JSON values in `connection_settings` (migration v6). The rows go with their connection (foreign
 * key, ON DELETE CASCADE), so removing a connection leaves none behind. After `close()` reads find
 * nothing and writes are dropped: late callbacks of aborted work cannot reach a closed database.
 */
export class ConnectionSettings {
  private readonly read: SqlStatement;
  private readonly write: SqlStatement;
  private closed = false;

  constructor(db: SqlDatabase) {
    this.read = db.prepare('SELECT value_json FROM connection_settings WHERE connection_id = ? AND key = ?');
    // Written only while the connection exists: a value saved as it is removed is dropped, not an error.
    this.write = db.prepare(
      `INSERT INTO connection_settings (connection_id, key, value_json)
       SELECT @connectionId, @key, @value WHERE EXISTS (SELECT 1 FROM connections WHERE id = @connectionId)
       ON CONFLICT (connection_id, key) DO UPDATE SET value_json = excluded.value_json`,
    );
  }

  close(): void {
    this.closed = true;
  }

  /** The stored value, or undefined when there is none or it is not JSON (written by something else). */
  get(connectionId: string, key: string): unknown {
    if (this.closed) return undefined;
    const row = this.read.get(connectionId, key) as { value_json: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value_json) as unknown;
    } catch {
      return undefined;
    }
  }

  set(connectionId: string, key: string, value: unknown): void {
    if (this.closed) return;
    this.write.run({ connectionId, key, value: JSON.stringify(value) });
  }
}
