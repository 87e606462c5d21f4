/**
 * v2: the share-link ledger. One row per link issued (download, public, upload). It keeps the
 * unsigned resource and a summary of the options, never a signature or a signed URL: the ledger
 * must be safe to hand to an auditor. No foreign key to connections: the record of what was
 * shared outlives the connection that shared it, so the connection's name is kept beside its id.
 * Append-only: this SQL is hashed into schema_migrations once applied; never edit it.
 */
export const v2ShareLinks = `
CREATE TABLE share_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  connection_id TEXT NOT NULL,
  connection_name TEXT NOT NULL,
  bucket TEXT NOT NULL,
  object_key TEXT NOT NULL,
  target TEXT NOT NULL CHECK (target IN ('object', 'prefix')),
  kind TEXT NOT NULL CHECK (kind IN ('get', 'public', 'post', 'put')),
  expires_at TEXT,
  os_user TEXT NOT NULL,
  note TEXT,
  options_json TEXT NOT NULL,
  resource TEXT NOT NULL
);

CREATE INDEX share_links_created ON share_links (created_at);
CREATE INDEX share_links_expires ON share_links (expires_at);
CREATE INDEX share_links_connection ON share_links (connection_id, created_at);
`;
