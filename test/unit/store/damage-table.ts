import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Overwrites the root page of `table` in a closed SQLite file (its rows, not the schema) with
 * garbage, as a bad sector would. Read through a plain read-only connection, so the header (the
 * clean-close mark in `user_version`) stays as the last close left it.
 */
export function damageTableRoot(file: string, table: string): void {
  const probe = new BetterSqlite3(file, { readonly: true });
  const { rootpage } = probe.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number };
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}
