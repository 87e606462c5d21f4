/*
 * v14 of index.sqlite (`index-schema.ts`'s list): what a deep scan found about an object moves
 * out of its `objects` row into `object_scans`, keyed by the object's id. Most objects are never
 * deep-scanned, yet each of their rows carried those seven columns as NULLs, a byte of record
 * header each: 7 MB at 1,000,000 objects, a twelfth of the table. `objects.scanned_at` stays: it
 * says the row's current version was scanned (its partial index, v11, leads the exposure and
 * cache reports to those rows in key order), and `object_scans` holds a row for every object
 * with `scanned_at` set: the deep scan writes both in one transaction, a sync that sees a new
 * version clears both, and deleting an object deletes its scan (the foreign key). Judgements a
 * sync had left on a row whose `scanned_at` it cleared (they were never read) are not carried.
 * `object_history` keeps its columns: it is small, and a version there is never scanned again.
 */
export const v14ObjectScans = `
CREATE TABLE object_scans (
  object_id INTEGER PRIMARY KEY REFERENCES objects(id) ON DELETE CASCADE,
  content_type TEXT,
  cache_control TEXT,
  metadata_json TEXT,
  acl_json TEXT,
  public_read INTEGER,
  cache_issue TEXT CHECK (cache_issue IN ('missing', 'no-cache', 'short-max-age')),
  anyone_can_read INTEGER CHECK (anyone_can_read IN (0, 1))
);
INSERT INTO object_scans (object_id, content_type, cache_control, metadata_json, acl_json, public_read, cache_issue, anyone_can_read)
  SELECT id, content_type, cache_control, metadata_json, acl_json, public_read, cache_issue, anyone_can_read
  FROM objects WHERE scanned_at IS NOT NULL;
ALTER TABLE objects DROP COLUMN content_type;
ALTER TABLE objects DROP COLUMN cache_control;
ALTER TABLE objects DROP COLUMN metadata_json;
ALTER TABLE objects DROP COLUMN acl_json;
ALTER TABLE objects DROP COLUMN public_read;
ALTER TABLE objects DROP COLUMN cache_issue;
ALTER TABLE objects DROP COLUMN anyone_can_read;
`;
