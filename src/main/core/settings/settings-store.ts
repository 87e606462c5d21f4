import {
  appSettingsShape,
  defaultAppSettings,
  type AppSettingKey,
  type AppSettings,
  type AppSettingsPatch,
} from '../../../shared/model/settings';
import type { SqlDatabase, SqlStatement } from '../store/sql-port';

const rowKey = (key: AppSettingKey) => `settings.${key}`;
const keys = Object.keys(appSettingsShape) as AppSettingKey[];

/**
 * The app-wide settings as rows of `app_settings` (`settings.<name>` → JSON), one per field so a
 * value another version wrote that no longer parses falls back to its default alone, and an
 * unset field keeps following the default when a release changes it.
 */
export class SettingsStore {
  private readonly read: SqlStatement;
  private readonly write: SqlStatement;
  private readonly remove: SqlStatement;

  constructor(private readonly db: SqlDatabase) {
    this.read = db.prepare('SELECT value_json FROM app_settings WHERE key = ?');
    this.write = db.prepare(
      'INSERT INTO app_settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
    );
    this.remove = db.prepare('DELETE FROM app_settings WHERE key = ?');
  }

  /** Only the fields stored (and still valid): what differs from "follow the default". */
  stored(): AppSettingsPatch {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const value = this.value(key);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  /** Every field: stored, else the default. */
  all(): AppSettings {
    return { ...defaultAppSettings, ...this.stored() };
  }

  /** Writes a validated patch in one transaction; a field set to its default is removed, so it follows future defaults. */
  save(patch: AppSettingsPatch): void {
    this.db.transaction(() => {
      for (const key of keys) {
        const value = patch[key];
        if (value === undefined) continue;
        if (JSON.stringify(value) === JSON.stringify(defaultAppSettings[key])) this.remove.run(rowKey(key));
        else this.write.run(rowKey(key), JSON.stringify(value));
      }
    })();
  }

  private value(key: AppSettingKey): unknown {
    const row = this.read.get(rowKey(key)) as { value_json: string } | undefined;
    if (!row) return undefined;
    try {
      const parsed = appSettingsShape[key].safeParse(JSON.parse(row.value_json));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
