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

/** A key's name: what follows its last `/` (SQLite has no "last index of"; see `extensionSql`). */
const nameSql = `substr(key, length(rtrim(key, replace(key, '/', ''))) + 1)`;

/**
 * A key's extension as SQL: lower-cased, after the last `.` of its name, '' for a name without
 * one. `rtrim(x, <x without the separators>)` keeps x up to its last separator. The same rule as
 * the storage-by-extension report always used, so both give one answer.
 */
const extensionSql = `CASE WHEN instr(${nameSql}, '.') > 0
  THEN lower(substr(${nameSql}, length(rtrim(${nameSql}, replace(${nameSql}, '.', ''))) + 1)) ELSE '' END`;

/**
 * v4: search without scanning. Indexes for each kind of search and report that filters on a
 * column (size, last-modified, ETag, storage class), each led by `bucket_id` as every query is.
 * - `objects.extension`: a generated column (see `extensionSql`), so every row has it whoever
 *   inserts it (a sync, an inventory import, a test) and the rows already there get it with this
 *   step; VIRTUAL (ALTER TABLE cannot add a STORED one), so only its index stores it.
 * - ETag search compares `lower(etag)`, so that index is on the expression.
 */
const v4SearchIndexes = `
ALTER TABLE objects ADD COLUMN extension TEXT GENERATED ALWAYS AS (${extensionSql}) VIRTUAL;

CREATE INDEX objects_extension ON objects (bucket_id, extension);
CREATE INDEX objects_size ON objects (bucket_id, size);
CREATE INDEX objects_last_modified ON objects (bucket_id, last_modified);
CREATE INDEX objects_etag ON objects (bucket_id, lower(etag));
CREATE INDEX objects_storage_class ON objects (bucket_id, storage_class);
`;

/**
 * v5: a search filtered on a common value (an extension, a storage class) reads its page in key
 * order from one index instead of scanning the bucket: those indexes end with `key`, so
 * `… WHERE bucket_id = ? AND extension = ? ORDER BY key LIMIT 200` is 200 index steps, where with
 * v4's indexes the planner (which has no statistics) walked every key of the bucket to filter it
 * (an extension search over 200,000 objects: 128 ms → 1.3 ms at the median, `npm run bench:index`).
 * The storage class index is on `coalesce(storage_class, 'STANDARD')`, the form the search and
 * the storage-class report use (a missing class is STANDARD). An ETag matches a handful of
 * objects, so its index stays as it is and the search sorts those few (`index-search.ts`): an index
 * ending with `key` is not free (with three of them, a sync of 200,000 objects took ~8 % longer and
 * its file was ~30 % larger than with v4's).
 */
const v5OrderedSearchIndexes = `
DROP INDEX objects_extension;
DROP INDEX objects_storage_class;
CREATE INDEX objects_extension ON objects (bucket_id, extension, key);
CREATE INDEX objects_storage_class ON objects (bucket_id, coalesce(storage_class, 'STANDARD'), key);
`;

/** The trigram index's triggers, which skip a pending bucket's rows (v6; created again by v8 with its new table). */
const pendingAwareKeyIndexTriggers = `CREATE TRIGGER objects_fts_insert AFTER INSERT ON objects
WHEN NOT EXISTS (SELECT 1 FROM objects_key_fts_pending p WHERE p.bucket_id = new.bucket_id) BEGIN
  INSERT INTO objects_key_fts (rowid, key) VALUES (new.id, new.key);
END;

CREATE TRIGGER objects_fts_delete AFTER DELETE ON objects
WHEN NOT EXISTS (SELECT 1 FROM objects_key_fts_pending p WHERE p.bucket_id = old.bucket_id) BEGIN
  INSERT INTO objects_key_fts (objects_key_fts, rowid, key) VALUES ('delete', old.id, old.key);
END;

CREATE TRIGGER objects_fts_update AFTER UPDATE OF key ON objects
WHEN NOT EXISTS (SELECT 1 FROM objects_key_fts_pending p WHERE p.bucket_id = old.bucket_id) BEGIN
  INSERT INTO objects_key_fts (objects_key_fts, rowid, key) VALUES ('delete', old.id, old.key);
  INSERT INTO objects_key_fts (rowid, key) VALUES (new.id, new.key);
END;
`;

/**
 * v6: a bucket's first sync writes no trigram index as it goes, and builds it in one statement at
 * its end. Keeping `objects_key_fts` in step row by row was most of a first sync's cost (200,000
 * objects: ~17 s with the trigger, ~11 s without it plus ~1 s for the bulk build afterwards).
 * - `objects_key_fts_pending`: the buckets whose rows are not in the trigram index, none of them.
 *   A bucket goes in only while it has no rows (`sync-repository.ts`, when a sync starts), and
 *   comes out in the same transaction that indexes all its rows (when the sync stops: done,
 *   failed, cancelled or paused; after a quit or crash, when its job resumes and stops, or at the
 *   next start-up if it cannot), so each bucket's rows are either all indexed or none are.
 *   Search reads a pending bucket's keys without the index (`index-search.ts`).
 * - The triggers skip a pending bucket's rows. They must: FTS5 external content takes a 'delete'
 *   for a row it never indexed as an instruction to remove tokens it does not have, which damages
 *   the index rather than failing.
 * - No foreign key to `buckets`: a cascade could delete the pending row before the objects whose
 *   delete triggers read it. `ObjectIndex.forgetConnection` clears it after the objects are gone.
 */
const v6DeferredKeyIndex = `
CREATE TABLE objects_key_fts_pending (bucket_id INTEGER PRIMARY KEY);

DROP TRIGGER objects_fts_insert;
DROP TRIGGER objects_fts_delete;
DROP TRIGGER objects_fts_update;

${pendingAwareKeyIndexTriggers}`;

/**
 * v7: the ETag index also holds the size, so the duplicates report groups objects by (ETag, size)
 * from the index alone, in its order, instead of sorting every row of the bucket (200,000 objects:
 * ~1.6 s → ~35 ms). An ETag search reads the same index as before (its first two columns).
 */
const v7EtagSizeIndex = `
DROP INDEX objects_etag;
CREATE INDEX objects_etag ON objects (bucket_id, lower(etag), size);
`;

/**
 * v8: a smaller index (200,000 objects: 547 → ~415 bytes per object), which a sync also writes
 * faster.
 * - The trigram index keeps which keys hold each trigram, not where (`detail = none`), nor each
 *   key's length (`columnsize = 0`, only ranking uses it): 123 → 39 bytes per object, built in half
 *   the time. A name is then looked up as its trigrams (every one must be in the key) and each
 *   candidate checked with `key_contains` (`trigram-fold.ts`, registered by the worker), which
 *   folds case exactly as the tokenizer does, so the matches are the same as the phrase queries'.
 *   Rebuilt here from the rows of every bucket not pending (v6): seconds for a million.
 * - The storage-class index holds only the objects not in STANDARD (66 bytes per object → none,
 *   in a bucket of STANDARD objects). A search for another class reads it in key order as before
 *   (its query repeats the index's condition, which is how SQLite knows it may use a partial
 *   index). A search for STANDARD reads keys in order and checks each where most objects are
 *   STANDARD, and where few are, takes them from `objects_class` (every object's class, no key:
 *   ~20 bytes per object) to be sorted. The extension index keeps `key` (v5): extensions cluster
 *   by folder, so reading keys in order can pass a whole folder of other files before a match,
 *   and sorting a common one's matches reads every row of them.
 */
const v8SmallerIndexes = `
DROP TRIGGER objects_fts_insert;
DROP TRIGGER objects_fts_delete;
DROP TRIGGER objects_fts_update;
DROP TABLE objects_key_fts;

CREATE VIRTUAL TABLE objects_key_fts USING fts5(
  key, content = 'objects', content_rowid = 'id', tokenize = 'trigram', detail = none, columnsize = 0
);
INSERT INTO objects_key_fts (rowid, key)
  SELECT id, key FROM objects WHERE bucket_id NOT IN (SELECT bucket_id FROM objects_key_fts_pending);

${pendingAwareKeyIndexTriggers}
DROP INDEX objects_storage_class;
CREATE INDEX objects_storage_class ON objects (bucket_id, storage_class, key) WHERE storage_class <> 'STANDARD';
CREATE INDEX objects_class ON objects (bucket_id, coalesce(storage_class, 'STANDARD'));
`;

/**
 * v9: a bucket's first sync into an index whose other buckets hold few rows writes none of the
 * secondary indexes of `objects` either, and builds them when it stops, as v6 does the trigram
 * index (`deferred-indexes.ts`: 600,000 objects merged in 14 s instead of 43–51 s).
 * - `objects_deferred_indexes`: the indexes left out, each with the CREATE statement that builds it
 *   again (as `sqlite_schema` held it). Empty but while such a sync runs, or after a crash in one
 *   until its job stops or the next start-up that will not resume it. The worker builds them
 *   before any later step runs on the file, so steps find every index where they expect it.
 */
const v9DeferredObjectIndexes = `
CREATE TABLE objects_deferred_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL);
`;

/**
 * What follows a key's last `.` (the whole key when it has none): `rtrim` stops at the first
 * character from the end that is not in the set, which is that dot, so it reads only the
 * extension's few characters, where `nameSql` reads back to the last `/`.
 */
const afterLastDotSql = `substr(key, length(rtrim(key, replace(key, '.', ''))) + 1)`;

/**
 * v10: the same extension from a cheaper expression (v4's, `extensionSql`, computed the name four
 * times, each an `rtrim` over most of the key with most of the key as its set). What follows the
 * key's last dot is the extension unless it holds a `/` (the dot was in a folder's name). 300,000
 * objects: 6.8 s → 1.1 s to compute it for every row, which each insert and the index build at a
 * first sync's end pay (it was most of that build). Same answers: the migration test's samples,
 * and every key of a 300,000-object index compared.
 */
const v10CheaperExtension = `
DROP INDEX objects_extension;
ALTER TABLE objects DROP COLUMN extension;
ALTER TABLE objects ADD COLUMN extension TEXT GENERATED ALWAYS AS (
  CASE WHEN instr(key, '.') = 0 OR instr(${afterLastDotSql}, '/') > 0 THEN '' ELSE lower(${afterLastDotSql}) END
) VIRTUAL;
CREATE INDEX objects_extension ON objects (bucket_id, extension, key);
`;

/**
 * v11: the rows the deep scan has judged (few, in most buckets), by key: the exposure and cache
 * reports read them, and count the rest as what is under the roots less them (one pass over the
 * table, where there were three).
 */
const v11ScannedIndex = `
CREATE INDEX objects_scanned ON objects (bucket_id, key) WHERE scanned_at IS NOT NULL;
ANALYZE objects_scanned;
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
];
