import { pendingAwareKeyIndexTriggers } from './index-search-schema';
import { toStoredTimeSql } from './stored-values';

/*
 * v12 of index.sqlite (`index-schema.ts`'s list): a version's ETag, time and storage class in
 * their compact forms (`stored-values.ts`). `last_modified` becomes an INTEGER column, which
 * SQLite cannot alter in place, so `objects` and `object_history` are rebuilt by its recipe (a
 * new table, the rows copied, the old one dropped, the new one renamed; the migrator turns
 * foreign keys off around it). Row ids are kept, so the trigram index (external content, by
 * rowid) stays as it is; its triggers and every index are created again.
 */

/** The columns both tables share, as v2 and v3 made them, but for the three compact ones. */
const versionColumns = `key TEXT NOT NULL,
  size INTEGER NOT NULL,
  -- 16 bytes for a plain MD5 ETag, else its text, lower-cased (stored-values.ts).
  etag BLOB,
  -- ms since the epoch.
  last_modified INTEGER,
  -- NULL for STANDARD.
  storage_class TEXT,
  first_sync INTEGER NOT NULL`;

const scanColumns = `content_type TEXT,
  cache_control TEXT,
  metadata_json TEXT,
  acl_json TEXT,
  public_read INTEGER,
  scanned_at TEXT`;

/**
 * The ETag rule as this step shipped with it, frozen: a step's text is hashed, and a file that
 * recorded another text is set aside as unusable. It lower-cased an ETag that is not a plain MD5;
 * the rule since (`stored-values.ts`'s `toStoredEtagSql`) keeps it as listed, so on a file this
 * step converted, such an ETag with capitals (rare: S3's are lower-case hex) counts as changed
 * once, at its next sync.
 */
const v12StoredEtagSql = (text: string): string =>
  `CASE WHEN length(${text}) = 32 AND lower(${text}) NOT GLOB '*[^0-9a-f]*' THEN unhex(${text}) ELSE lower(${text}) END`;

const copied = 'id, bucket_id, key, size, etag, last_modified, storage_class, first_sync';
const converted = `id, bucket_id, key, size, ${v12StoredEtagSql('etag')}, ${toStoredTimeSql('last_modified')},
  nullif(storage_class, 'STANDARD'), first_sync`;
const scanned = 'content_type, cache_control, metadata_json, acl_json, public_read, scanned_at';

/** v10's extension, the same expression (`index-search-schema.ts`), on the rebuilt table. */
const afterLastDot = `substr(key, length(rtrim(key, replace(key, '.', ''))) + 1)`;

export const v12CompactValues = `
CREATE TABLE objects_v12 (
  id INTEGER PRIMARY KEY,
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  ${versionColumns},
  ${scanColumns},
  cache_issue TEXT CHECK (cache_issue IN ('missing', 'no-cache', 'short-max-age')),
  anyone_can_read INTEGER CHECK (anyone_can_read IN (0, 1)),
  extension TEXT GENERATED ALWAYS AS (
    CASE WHEN instr(key, '.') = 0 OR instr(${afterLastDot}, '/') > 0 THEN '' ELSE lower(${afterLastDot}) END
  ) VIRTUAL,
  UNIQUE (bucket_id, key)
);
INSERT INTO objects_v12 (${copied}, ${scanned}, cache_issue, anyone_can_read)
  SELECT ${converted}, ${scanned}, cache_issue, anyone_can_read FROM objects ORDER BY id;
DROP TABLE objects;
ALTER TABLE objects_v12 RENAME TO objects;

CREATE INDEX objects_first_sync ON objects (bucket_id, first_sync);
CREATE INDEX objects_extension ON objects (bucket_id, extension, key);
CREATE INDEX objects_size ON objects (bucket_id, size);
CREATE INDEX objects_last_modified ON objects (bucket_id, last_modified);
CREATE INDEX objects_etag ON objects (bucket_id, etag, size);
CREATE INDEX objects_storage_class ON objects (bucket_id, storage_class, key) WHERE storage_class <> 'STANDARD';
CREATE INDEX objects_class ON objects (bucket_id, storage_class);
CREATE INDEX objects_scanned ON objects (bucket_id, key) WHERE scanned_at IS NOT NULL;
${pendingAwareKeyIndexTriggers}
CREATE TABLE object_history_v12 (
  id INTEGER PRIMARY KEY,
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  ${versionColumns},
  gone_sync INTEGER NOT NULL,
  ${scanColumns}
);
INSERT INTO object_history_v12 (${copied}, gone_sync, ${scanned})
  SELECT ${converted}, gone_sync, ${scanned} FROM object_history ORDER BY id;
DROP TABLE object_history;
ALTER TABLE object_history_v12 RENAME TO object_history;

CREATE INDEX object_history_key ON object_history (bucket_id, key, first_sync);
CREATE INDEX object_history_first_sync ON object_history (bucket_id, first_sync);
CREATE INDEX object_history_gone_sync ON object_history (bucket_id, gone_sync);

ANALYZE objects;
ANALYZE object_history;
`;
