/**
 * v6: settings that belong to one connection, in a table that goes with it (ON DELETE CASCADE),
 * so removing a connection removes them. Until now they were `app_settings` rows whose key ended
 * in the connection id, left behind when it was removed:
 * - `transfers.uploadDefaults:<id>` (upload defaults per root)
 * - `share.lastExpirySeconds.download.<id>` and `share.lastExpirySeconds.upload.<id>`
 * They are copied over under the key without the id, and deleted; those of connections already
 * removed are deleted without a copy. `app_settings` keeps app-wide settings only.
 * Append-only: this SQL is hashed into schema_migrations once applied; never edit it.
 */
export const v6ConnectionSettings = `
CREATE TABLE connection_settings (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value_json TEXT NOT NULL,
  PRIMARY KEY (connection_id, key)
) WITHOUT ROWID;

INSERT INTO connection_settings (connection_id, key, value_json)
SELECT substr(s.key, length(p.prefix) + 1), p.name, s.value_json
FROM app_settings AS s
JOIN (SELECT 'transfers.uploadDefaults:' AS prefix, 'transfers.uploadDefaults' AS name
      UNION ALL SELECT 'share.lastExpirySeconds.download.', 'share.lastExpirySeconds.download'
      UNION ALL SELECT 'share.lastExpirySeconds.upload.', 'share.lastExpirySeconds.upload') AS p
  ON substr(s.key, 1, length(p.prefix)) = p.prefix
WHERE substr(s.key, length(p.prefix) + 1) IN (SELECT id FROM connections);

DELETE FROM app_settings
WHERE key GLOB 'transfers.uploadDefaults:*' OR key GLOB 'share.lastExpirySeconds.download.*' OR key GLOB 'share.lastExpirySeconds.upload.*';
`;
