import type { SqlDatabase, SqlStatement } from '../store/sql-port';
import { parseWindowState, windowStateKey, type WindowState } from './window-state';

/** The window's place in `app_settings` (no migration: one JSON row under `window.state`). */
export class WindowStateStore {
  private readonly read: SqlStatement;
  private readonly write: SqlStatement;

  constructor(db: SqlDatabase) {
    this.read = db.prepare('SELECT value_json FROM app_settings WHERE key = ?');
    this.write = db.prepare(
      'INSERT INTO app_settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
    );
  }

  /** The saved state, or null when there is none or it cannot be read (the window then opens at its default). */
  load(): WindowState | null {
    const row = this.read.get(windowStateKey) as { value_json: string } | undefined;
    if (!row) return null;
    try {
      return parseWindowState(JSON.parse(row.value_json));
    } catch {
      return null;
    }
  }

  save(state: WindowState): void {
    const valid = parseWindowState(state);
    if (valid) this.write.run(windowStateKey, JSON.stringify(valid));
  }
}
