/**
 * v8: what the bucket health panel's fixes replaced, so each can be undone exactly
 * (`core/access/health/fix-undo-store.ts`). One row per connection, bucket and fix kind:
 * `previous` is the document before the panel first touched it (the policy's JSON text as the
 * server kept it, or the lifecycle/CORS rules as JSON), NULL when there was none (undo deletes);
 * `applied` is what the fix last wrote, so an undo can see whether someone changed it since.
 * Rows go with their connection. Append-only: this SQL is hashed once applied; never edit it.
 */
export const v8BucketFixUndo = `
CREATE TABLE bucket_fix_undo (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  bucket TEXT NOT NULL,
  fix TEXT NOT NULL,
  previous TEXT,
  applied TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, bucket, fix)
) WITHOUT ROWID;
`;
