import type { Database } from 'better-sqlite3';
import { maxPresignSeconds } from '../../../shared/model/share';

/** Which remembered expiry: download links and upload links are chosen differently. */
export type ExpiryUse = 'download' | 'upload';

const settingKey = (use: ExpiryUse, connectionId: string) => `share.lastExpirySeconds.${use}.${connectionId}`;

/** Remembers the last expiry picked per connection in `app_settings`, for one-click "Copy link". */
export class ShareSettings {
  constructor(private readonly db: Database) {}

  /** The remembered expiry, or null when none (or a value this version does not accept). */
  lastExpiry(use: ExpiryUse, connectionId: string): number | null {
    const row = this.db.prepare('SELECT value_json FROM app_settings WHERE key = ?').get(settingKey(use, connectionId)) as
      | { value_json: string }
      | undefined;
    if (!row) return null;
    try {
      const value: unknown = JSON.parse(row.value_json);
      // Stored after capping, so anything outside 1 s..7 days was written by something else.
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= maxPresignSeconds ? value : null;
    } catch {
      return null;
    }
  }

  setLastExpiry(use: ExpiryUse, connectionId: string, seconds: number): void {
    this.db
      .prepare('INSERT INTO app_settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json')
      .run(settingKey(use, connectionId), JSON.stringify(seconds));
  }
}
