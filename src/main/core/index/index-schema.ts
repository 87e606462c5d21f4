import type { Migration } from '../store/migrator';

/*
 * The schema of index.sqlite: what the app knows about the objects in its buckets, rebuildable
 * from S3 at any time. Its own list, separate from state.sqlite's (`store/migrations.ts`), and
 * migrated in the index worker without a backup: a file this list cannot migrate is set aside and
 * started empty (`store/rebuildable-database.ts`). Append-only and hashed like every migration
 * list: add a step, never edit one. No BEGIN/COMMIT or PRAGMA foreign_keys in a step.
 *
 * No foreign keys to state.sqlite (another file): rows name their connection by id, and the
 * code that removes a connection also removes its index rows.
 */

/**
 * v1: objects as the last sync saw them, the syncs themselves, and a trigram index on keys.
 * - `syncs`: one row per listing (or inventory import) of a bucket or prefix. A sync writes its
 *   pages as it goes; `state` says whether it finished, so objects with an older `seen_sync` under
 *   a finished sync's prefix are gone from S3.
 * - `objects`: one row per key. `id` is an INTEGER PRIMARY KEY because the full-text index refers
 *   to rows by rowid, which must not change (an implicit rowid may change on VACUUM).
 *   `last_modified` is ISO 8601 as S3 gives it; `size` in bytes; `etag` without quotes.
 * - `objects_key_fts`: FTS5 with the trigram tokenizer over `objects.key` (external content: the
 *   key is stored once), for substring search in any part of a key, case-insensitive; a query
 *   needs at least three characters. Kept in step by triggers; metadata updates that keep the key
 *   do not touch it.
 */
const v1ObjectsSyncs = `
CREATE TABLE syncs (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('list', 'inventory')),
  state TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'cancelled')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  object_count INTEGER NOT NULL DEFAULT 0,
  byte_count INTEGER NOT NULL DEFAULT 0,
  error_json TEXT
);

CREATE INDEX syncs_bucket ON syncs (connection_id, bucket, started_at);

CREATE TABLE objects (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  storage_class TEXT,
  seen_sync INTEGER REFERENCES syncs(id) ON DELETE SET NULL,
  UNIQUE (connection_id, bucket, key)
);

CREATE INDEX objects_seen ON objects (seen_sync);

CREATE VIRTUAL TABLE objects_key_fts USING fts5(key, content = 'objects', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER objects_fts_insert AFTER INSERT ON objects BEGIN
  INSERT INTO objects_key_fts (rowid, key) VALUES (new.id, new.key);
END;

CREATE TRIGGER objects_fts_delete AFTER DELETE ON objects BEGIN
  INSERT INTO objects_key_fts (objects_key_fts, rowid, key) VALUES ('delete', old.id, old.key);
END;

CREATE TRIGGER objects_fts_update AFTER UPDATE OF key ON objects BEGIN
  INSERT INTO objects_key_fts (objects_key_fts, rowid, key) VALUES ('delete', old.id, old.key);
  INSERT INTO objects_key_fts (rowid, key) VALUES (new.id, new.key);
END;
`;

/**
 * Deep-scan results (`audit/deep-scan.ts`): what HEAD and GetObjectAcl said about an object, for
 * the exposure and cache-header reports, which a listing cannot answer.
 * - `object_scans`: one row per scanned object, removed with it. `etag` is the ETag the scan saw:
 *   when `objects.etag` differs the object changed since and its row is stale. `cache_issue` and
 *   `anyone_can_read` are judged at scan time by the pure rules (`audit/cache-rules.ts`,
 *   `audit/exposure-rules.ts`) so a report over a million rows is one indexed query.
 * - `bucket_scans`: the bucket-level answers of the same scan (policy, Block Public Access, ACLs on/off).
 */
const deepScan = `
CREATE TABLE object_scans (
  object_id INTEGER PRIMARY KEY REFERENCES objects(id) ON DELETE CASCADE,
  scanned_at TEXT NOT NULL,
  etag TEXT,
  content_type TEXT,
  cache_control TEXT,
  cache_issue TEXT CHECK (cache_issue IN ('missing', 'no-cache', 'short-max-age')),
  metadata_json TEXT,
  acl_state TEXT NOT NULL CHECK (acl_state IN ('public-read', 'private', 'disabled', 'unknown')),
  anyone_can_read INTEGER CHECK (anyone_can_read IN (0, 1))
);

CREATE INDEX object_scans_cache ON object_scans (cache_issue) WHERE cache_issue IS NOT NULL;

CREATE TABLE bucket_scans (
  connection_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  scanned_at TEXT NOT NULL,
  acls_enabled INTEGER NOT NULL CHECK (acls_enabled IN (0, 1)),
  policy_json TEXT,
  block_public_json TEXT,
  PRIMARY KEY (connection_id, bucket)
);
`;

/** Every schema step of index.sqlite, in order. */
export const indexMigrations: readonly Migration[] = [
  { version: 1, name: 'objects-syncs', sql: v1ObjectsSyncs },
  { version: 2, name: 'deep-scan', sql: deepScan },
];
