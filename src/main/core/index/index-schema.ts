import type { Migration } from '../store/migrator';
import { v12CompactValues } from './index-compact-schema';
import { v14ObjectScans } from './index-scans-schema';
import {
  v4SearchIndexes,
  v5OrderedSearchIndexes,
  v6DeferredKeyIndex,
  v7EtagSizeIndex,
  v8SmallerIndexes,
  v9DeferredObjectIndexes,
  v10CheaperExtension,
  v11ScannedIndex,
  v13KeylessExtensionIndex,
  v15NoClassIndex,
} from './index-search-schema';

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

CREATE TABLE inventory_rows (
  sync_id INTEGER NOT NULL REFERENCES syncs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  storage_class TEXT,
  PRIMARY KEY (sync_id, key)
) WITHOUT ROWID;

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
 * v2: snapshots. Every finished sync is a snapshot of its bucket (or prefix), kept compactly: a
 * sync writes only what changed, and each version of an object says from which sync it was seen
 * (`first_sync`) and, once replaced or deleted, from which sync it was not (`gone_sync`).
 * v1's tables held no data (nothing wrote them before v2), so they are dropped, not converted.
 *
 * - `buckets`: one row per (connection, bucket) indexed; other tables refer to it by `id`, so a
 *   million rows do not each repeat a connection id and bucket name (and their indexes neither).
 * - `syncs`: one row per listing or inventory import of a bucket or `prefix`; `state` 'done' makes
 *   it a snapshot. Counts: `object_count`/`byte_count` seen, `added/changed/removed_count` what it
 *   changed, `page_count` listing pages (or inventory files) merged, `list_requests` ListObjectsV2
 *   calls made (splitting included). `source_json` says where an inventory came from.
 * - `sync_ranges`: the key ranges one sync lists in parallel, each the keys k of the sync's prefix
 *   with `start_after` < k ≤ `end_key` (NULL: unbounded), `position` the last key merged. A page's
 *   rows and its range's new `position` are written in one transaction, so after a crash the range
 *   goes on from `position` and nothing merged is listed twice. An inventory import has one range
 *   per data file instead (`position` the file's key once it is read).
 * - `inventory_rows`: the rows an inventory import has read so far, kept until the import merges
 *   them into `objects` at its end (inventory files are not in key order, so they cannot be merged
 *   page by page like a listing).
 * - `objects`: the live version of each key, as of the latest sync that covered it (search and
 *   reports read this table alone). `first_sync` is the sync that first saw this version. The
 *   deep-scan columns (HEAD + GetObjectAcl) are NULL until scanned, and reset to NULL when a sync
 *   sees a new version: `content_type`, `cache_control`, `metadata_json` (user metadata, a JSON
 *   object), `acl_json` (grants as JSON: [{grantee, type, permission}]), `public_read` (1 when
 *   anyone may read the object by its ACL, 0 when not), `scanned_at` (ISO 8601).
 * - `object_history`: versions no longer live, with the sync from which they were gone
 *   (`gone_sync`): replaced (a live row or a later history row has the same key) or deleted.
 * - A version is in the snapshot of sync N when first_sync ≤ N and (it is live or gone_sync > N).
 *   Keys compare as UTF-8 bytes (SQLite's BINARY collation), the order S3 lists them in.
 * - `objects_key_fts`: as in v1, the trigram index on the live keys.
 */
const v2Snapshots = `
DROP TRIGGER objects_fts_insert;
DROP TRIGGER objects_fts_delete;
DROP TRIGGER objects_fts_update;
DROP TABLE objects_key_fts;
DROP TABLE objects;
DROP TABLE syncs;

CREATE TABLE buckets (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  UNIQUE (connection_id, bucket)
);

CREATE TABLE syncs (
  id INTEGER PRIMARY KEY,
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  prefix TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('list', 'inventory')),
  state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'done', 'failed', 'cancelled')),
  job_id TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  object_count INTEGER NOT NULL DEFAULT 0,
  byte_count INTEGER NOT NULL DEFAULT 0,
  added_count INTEGER NOT NULL DEFAULT 0,
  changed_count INTEGER NOT NULL DEFAULT 0,
  removed_count INTEGER NOT NULL DEFAULT 0,
  page_count INTEGER NOT NULL DEFAULT 0,
  list_requests INTEGER NOT NULL DEFAULT 0,
  source_json TEXT,
  error_json TEXT
);

CREATE INDEX syncs_bucket ON syncs (bucket_id, state, id);

CREATE TABLE sync_ranges (
  sync_id INTEGER NOT NULL REFERENCES syncs(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start_after TEXT,
  end_key TEXT,
  position TEXT,
  done INTEGER NOT NULL DEFAULT 0,
  object_count INTEGER NOT NULL DEFAULT 0,
  byte_count INTEGER NOT NULL DEFAULT 0,
  page_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (sync_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE objects (
  id INTEGER PRIMARY KEY,
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  storage_class TEXT,
  first_sync INTEGER NOT NULL,
  content_type TEXT,
  cache_control TEXT,
  metadata_json TEXT,
  acl_json TEXT,
  public_read INTEGER,
  scanned_at TEXT,
  UNIQUE (bucket_id, key)
);

CREATE INDEX objects_first_sync ON objects (bucket_id, first_sync);

CREATE TABLE object_history (
  id INTEGER PRIMARY KEY,
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  storage_class TEXT,
  first_sync INTEGER NOT NULL,
  gone_sync INTEGER NOT NULL,
  content_type TEXT,
  cache_control TEXT,
  metadata_json TEXT,
  acl_json TEXT,
  public_read INTEGER,
  scanned_at TEXT
);

CREATE INDEX object_history_key ON object_history (bucket_id, key, first_sync);
CREATE INDEX object_history_first_sync ON object_history (bucket_id, first_sync);
CREATE INDEX object_history_gone_sync ON object_history (bucket_id, gone_sync);

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
 * v3: what the audit judges from a deep scan (`audit/deep-scan.ts`), so a report over a million
 * rows is one indexed query rather than a rule run per row.
 * - `objects.cache_issue`: 'missing' | 'no-cache' | 'short-max-age', or NULL when Cache-Control is
 *   fine (`audit/cache-rules.ts`); `objects.anyone_can_read`: 1/0, NULL when unknown, from the ACL,
 *   the bucket policy and Block Public Access (`audit/exposure-rules.ts`). Both are read only where
 *   `scanned_at` is set: a sync that sees a new version clears `scanned_at` (v2), so a stale
 *   judgement is never shown.
 * - `bucket_scans`: the bucket-level answers of the last deep scan (ACLs on or off, the policy,
 *   Block Public Access), one row per bucket.
 */
const v3AuditJudgements = `
ALTER TABLE objects ADD COLUMN cache_issue TEXT CHECK (cache_issue IN ('missing', 'no-cache', 'short-max-age'));
ALTER TABLE objects ADD COLUMN anyone_can_read INTEGER CHECK (anyone_can_read IN (0, 1));

CREATE TABLE bucket_scans (
  bucket_id INTEGER PRIMARY KEY REFERENCES buckets(id) ON DELETE CASCADE,
  scanned_at TEXT NOT NULL,
  acls_enabled INTEGER NOT NULL CHECK (acls_enabled IN (0, 1)),
  policy_json TEXT,
  block_public_json TEXT
);
`;

/** Every schema step of index.sqlite, in order. */
export const indexMigrations: readonly Migration[] = [
  { version: 1, name: 'objects-syncs', sql: v1ObjectsSyncs },
  { version: 2, name: 'snapshots', sql: v2Snapshots },
  { version: 3, name: 'audit-judgements', sql: v3AuditJudgements },
  { version: 4, name: 'search-indexes', sql: v4SearchIndexes },
  { version: 5, name: 'ordered-search-indexes', sql: v5OrderedSearchIndexes },
  { version: 6, name: 'deferred-key-index', sql: v6DeferredKeyIndex },
  { version: 7, name: 'etag-size-index', sql: v7EtagSizeIndex },
  { version: 8, name: 'smaller-indexes', sql: v8SmallerIndexes },
  { version: 9, name: 'deferred-object-indexes', sql: v9DeferredObjectIndexes },
  { version: 10, name: 'cheaper-extension', sql: v10CheaperExtension },
  { version: 11, name: 'scanned-index', sql: v11ScannedIndex },
  { version: 12, name: 'compact-values', sql: v12CompactValues, compactAfter: true },
  { version: 13, name: 'keyless-extension-index', sql: v13KeylessExtensionIndex, compactAfter: true },
  { version: 14, name: 'object-scans', sql: v14ObjectScans, compactAfter: true },
  { version: 15, name: 'no-class-index', sql: v15NoClassIndex, compactAfter: true },
];
