import type { Migration } from './migrator';
import { v2ShareLinks } from './migrations/0002-share-links';
import { v3TransferJournal } from './migrations/0003-transfer-journal';
import { v4UploadIntegrity } from './migrations/0004-upload-integrity';
import { v5BucketCapabilities } from './migrations/0005-bucket-capabilities';
import { v6ConnectionSettings } from './migrations/0006-connection-settings';
import { v7JobCheckpoints } from './migrations/0007-job-checkpoints';
import { v8BucketFixUndo } from './migrations/0008-bucket-fix-undo';

// The schema of state.sqlite (`store/state-file.ts`): what cannot be rebuilt from S3. The object
// index has its own file and list (`index/index-schema.ts`).
// Append-only. Each SQL string is hashed into schema_migrations when applied, so editing a released
// one (even whitespace) makes every existing database refuse to open. Change the schema by adding a step.
// Do not put BEGIN/COMMIT or PRAGMA foreign_keys in a step: the migrator wraps each one in a transaction.

/** v1: saved connections, their encrypted secret blobs (never plaintext), and app-wide settings. */
const v1ConnectionsSecretsSettings = `
CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE secrets (
  connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
  blob BLOB NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);
`;

/** Every schema step of state.sqlite, in order; the file is migrated to the last one on open. */
export const stateMigrations: readonly Migration[] = [
  { version: 1, name: 'connections-secrets-settings', sql: v1ConnectionsSecretsSettings },
  { version: 2, name: 'share-links', sql: v2ShareLinks },
  { version: 3, name: 'transfer-journal', sql: v3TransferJournal },
  { version: 4, name: 'upload-integrity', sql: v4UploadIntegrity },
  { version: 5, name: 'bucket-capabilities', sql: v5BucketCapabilities },
  { version: 6, name: 'connection-settings', sql: v6ConnectionSettings },
  { version: 7, name: 'job-checkpoints', sql: v7JobCheckpoints },
  { version: 8, name: 'bucket-fix-undo', sql: v8BucketFixUndo },
];
