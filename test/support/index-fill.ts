import { join } from 'node:path';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import Database from 'better-sqlite3';
import { indexFileName } from '../../src/main/core/index/index-file';
import { toStoredEtagSql, toStoredTimeSql } from '../../src/main/core/index/stored-values';

/**
 * Fills a core's index.sqlite with one finished sync of `bucket`, listed here with ListObjectsV2,
 * through a second SQLite connection (the core's worker keeps its own; WAL lets both in). For
 * tests of what reads the index (search, reports, the offline snapshot) while the sync engine is
 * built elsewhere: the rows are those the v2 schema documents for a finished list sync.
 */
export async function fillIndexFromBucket(dataDir: string, connectionId: string, client: S3Client, bucket: string): Promise<number> {
  const rows: Array<{ key: string; size: number; etag: string | null; lastModified: string | null; storageClass: string | null }> = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of page.Contents ?? []) {
      if (!o.Key) continue;
      rows.push({
        key: o.Key,
        size: o.Size ?? 0,
        etag: o.ETag?.replace(/"/g, '') ?? null,
        lastModified: o.LastModified?.toISOString() ?? null,
        storageClass: o.StorageClass ?? null,
      });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  const db = new Database(join(dataDir, indexFileName));
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      db.prepare('INSERT OR IGNORE INTO buckets (connection_id, bucket) VALUES (?, ?)').run(connectionId, bucket);
      const { id: bucketId } = db.prepare('SELECT id FROM buckets WHERE connection_id = ? AND bucket = ?').get(connectionId, bucket) as {
        id: number;
      };
      const now = new Date().toISOString();
      const sync = db
        .prepare(
          `INSERT INTO syncs (bucket_id, source, state, started_at, finished_at, object_count, byte_count) VALUES (?, 'list', 'done', ?, ?, ?, ?)`,
        )
        .run(
          bucketId,
          now,
          now,
          rows.length,
          rows.reduce((sum, r) => sum + r.size, 0),
        );
      const insert = db.prepare(
        `INSERT INTO objects (bucket_id, key, size, etag, last_modified, storage_class, first_sync) VALUES (@bucketId, @key, @size, ${toStoredEtagSql('@etag')}, ${toStoredTimeSql('@lastModified')}, nullif(@storageClass, 'STANDARD'), @sync)`,
      );
      for (const r of rows) insert.run({ ...r, bucketId, sync: sync.lastInsertRowid });
    })();
  } finally {
    db.close();
  }
  return rows.length;
}
