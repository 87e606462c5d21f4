import type { Database, Statement } from 'better-sqlite3';
import {
  uploadDefaultsSettingsSchema,
  type AclSupport,
  type UploadDefaultsSettings,
} from '../../../shared/model/transfer';
import { defaultUploadSettings } from './upload-options';

const defaultsKey = (connectionId: string) => `transfers.uploadDefaults:${connectionId}`;
const aclKey = (connectionId: string, bucket: string) => `transfers.aclSupport:${connectionId}:${bucket}`;

/**
 * Per-connection upload defaults and what each bucket said about ACLs, kept in `app_settings`
 * (v1) so they survive restarts. A bucket that refused an ACL once is not asked again.
 */
export class TransferSettings {
  private readonly read: Statement;
  private readonly write: Statement;
  private closed = false;

  constructor(db: Database) {
    this.read = db.prepare('SELECT value_json FROM app_settings WHERE key = ?');
    this.write = db.prepare(
      'INSERT INTO app_settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
    );
  }

  close(): void {
    this.closed = true;
  }

  uploadDefaults(connectionId: string): UploadDefaultsSettings {
    const stored = this.get(defaultsKey(connectionId));
    const parsed = uploadDefaultsSettingsSchema.safeParse(stored);
    // A value written by another version that no longer parses falls back to the defaults.
    return parsed.success ? parsed.data : defaultUploadSettings;
  }

  setUploadDefaults(connectionId: string, settings: UploadDefaultsSettings): UploadDefaultsSettings {
    this.set(defaultsKey(connectionId), settings);
    return settings;
  }

  aclSupport(connectionId: string, bucket: string): AclSupport {
    const value = this.get(aclKey(connectionId, bucket));
    return value === 'supported' || value === 'disabled' ? value : 'unknown';
  }

  setAclSupport(connectionId: string, bucket: string, support: AclSupport): void {
    if (this.aclSupport(connectionId, bucket) !== support) this.set(aclKey(connectionId, bucket), support);
  }

  private get(key: string): unknown {
    if (this.closed) return undefined;
    const row = this.read.get(key) as { value_json: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value_json) as unknown;
    } catch {
      return undefined;
    }
  }

  private set(key: string, value: unknown): void {
    if (this.closed) return;
    this.write.run(key, JSON.stringify(value));
  }
}
