/*
 * The search indexes of index.sqlite (steps v4–v11 of `index-schema.ts`'s list): the extension
 * column, the indexes each search kind reads in key order, the trigram index built once after a
 * first sync, and the indexes a first sync leaves out. Moved here from `index-schema.ts` as they
 * were: a step's text never changes (the list is hashed).
 */

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
export const v4SearchIndexes = `
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
export const v5OrderedSearchIndexes = `
DROP INDEX objects_extension;
DROP INDEX objects_storage_class;
CREATE INDEX objects_extension ON objects (bucket_id, extension, key);
CREATE INDEX objects_storage_class ON objects (bucket_id, coalesce(storage_class, 'STANDARD'), key);
`;

/** The trigram index's triggers, which skip a pending bucket's rows (v6; created again by v8 with its new table). */
export const pendingAwareKeyIndexTriggers = `CREATE TRIGGER objects_fts_insert AFTER INSERT ON objects
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
export const v6DeferredKeyIndex = `
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
export const v7EtagSizeIndex = `
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
export const v8SmallerIndexes = `
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
export const v9DeferredObjectIndexes = `
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
export const v10CheaperExtension = `
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
export const v11ScannedIndex = `
CREATE INDEX objects_scanned ON objects (bucket_id, key) WHERE scanned_at IS NOT NULL;
ANALYZE objects_scanned;
`;

/**
 * v13: the extension index without the key (v5 added it, for pages in key order): at 1,000,000
 * objects it was 53 MB, 40 of them the key, the largest index but the key's own. A rare
 * extension's matches are now sorted (~17 ms per 100,000) and a common one's page is read from
 * the keys in order, each tested; alone, folders that hold none are skipped (`index-search.ts`,
 * `extensionIsDense`).
 * 53 → 13 MB; the migrator compacts the file after it.
 */
export const v13KeylessExtensionIndex = `
DROP INDEX objects_extension;
CREATE INDEX objects_extension ON objects (bucket_id, extension);
ANALYZE objects_extension;
`;

/**
 * v15: no index of every object's storage class (v8's `objects_class`, 10 MB at 1,000,000
 * objects, nearly all of it NULL, STANDARD's stored form since v12). The storage-class report
 * takes the other classes from their own index and STANDARD as the rest (`reports/cost-reports.ts`);
 * a search for STANDARD in a bucket where few objects are (an archive) reads the table and sorts
 * what it finds (1,000,000 objects: ~60 ms a pass, where that index answered in about one).
 */
export const v15NoClassIndex = `
DROP INDEX objects_class;
`;
