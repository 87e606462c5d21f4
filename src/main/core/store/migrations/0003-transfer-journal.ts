/**
 * v3: the transfer journal. Every queued upload and download is written here before it starts,
 * so that after a quit or a crash the next start can offer to resume it. For multipart uploads
 * the upload id and each finished part's ETag are recorded as they happen (resume continues from
 * the parts S3 already has); for ranged downloads, each finished range. The source file's size
 * and mtime are kept so a file changed in between restarts from scratch instead of mixing
 * versions. No foreign key to connections: removing a connection must not silently drop the
 * record of a multipart upload that still holds storage (it is reported when resumed instead).
 * Append-only: this SQL is hashed into schema_migrations once applied; never edit it.
 */
export const v3TransferJournal = `
CREATE TABLE transfer_batches (
  id TEXT PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('upload', 'download')),
  connection_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  destination TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE transfers (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES transfer_batches(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('upload', 'download')),
  connection_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  object_key TEXT NOT NULL,
  local_path TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  source_mtime_ms INTEGER,
  remote_etag TEXT,
  state TEXT NOT NULL CHECK (state IN ('queued', 'active', 'paused', 'interrupted', 'done', 'failed', 'cancelled', 'skipped')),
  options_json TEXT NOT NULL,
  upload_id TEXT,
  part_size INTEGER,
  error_json TEXT,
  notice TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX transfers_batch ON transfers (batch_id, seq);
CREATE INDEX transfers_state ON transfers (state);

CREATE TABLE transfer_parts (
  transfer_id TEXT NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
  part_number INTEGER NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT NOT NULL,
  checksum TEXT,
  PRIMARY KEY (transfer_id, part_number)
) WITHOUT ROWID;
`;
