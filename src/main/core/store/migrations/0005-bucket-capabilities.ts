/**
 * v5: what each bucket can do (`core/access/capabilities.ts`), one row per connection, bucket and
 * capability, going with its connection. Until now the one capability known, whether the bucket
 * takes object ACLs, was an `app_settings` row `transfers.aclSupport:<connection id>:<bucket>`
 * with the value '"supported"' or '"disabled"': those rows are copied over (connection ids are
 * UUIDs and bucket names have no ':', so the first ':' after the prefix splits them) and deleted.
 * Rows of connections removed meanwhile, or with another value, are dropped: they are re-learnt.
 * Append-only: this SQL is hashed into schema_migrations once applied; never edit it.
 */
export const v5BucketCapabilities = `
CREATE TABLE bucket_capabilities (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  bucket TEXT NOT NULL,
  capability TEXT NOT NULL,
  value TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, bucket, capability)
) WITHOUT ROWID;

INSERT INTO bucket_capabilities (connection_id, bucket, capability, value, checked_at)
SELECT substr(rest, 1, instr(rest, ':') - 1), substr(rest, instr(rest, ':') + 1), 'objectAcls',
       substr(value_json, 2, length(value_json) - 2), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (SELECT substr(key, length('transfers.aclSupport:') + 1) AS rest, value_json
      FROM app_settings WHERE key GLOB 'transfers.aclSupport:*')
WHERE instr(rest, ':') > 1 AND length(rest) > instr(rest, ':')
  AND value_json IN ('"supported"', '"disabled"')
  AND substr(rest, 1, instr(rest, ':') - 1) IN (SELECT id FROM connections);

DELETE FROM app_settings WHERE key GLOB 'transfers.aclSupport:*';
`;
