import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { silentLogger } from '../../../src/main/core/logger';
import { toStoredEtagSql, toStoredTimeSql } from '../../../src/main/core/index/stored-values';

/** One planted object (defaults: 1 KiB, STANDARD, 2026-01-01). */
export interface Planted {
  key: string;
  size?: number;
  etag?: string;
  lastModified?: string;
  storageClass?: string | null;
  /** Deep-scan results; `stale`: a later sync saw a new version, which cleared `scanned_at`. */
  scan?: { cacheControl?: string | null; cacheIssue?: string | null; acl?: string; anyoneCanRead?: 0 | 1 | null; stale?: boolean };
  connectionId?: string;
  bucket?: string;
}

export const connectionId = 'conn-0001';
export const bucket = 'media';

/** A real index.sqlite (in its worker) in a temp folder, with `objects` (and scans) planted in it. */
export async function plantedIndex(objects: readonly Planted[]): Promise<{ store: IndexStore; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'bucket-admin-audit-'));
  const store = startIndexStore({ file: join(dir, 'index.sqlite'), logger: silentLogger });
  const opened = await store.opened;
  if (opened.state !== 'ready') throw opened.error;
  await plant(store, objects);
  return {
    store,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `buckets.id` of a (connection, bucket), added on first use. */
export async function bucketIdOf(store: IndexStore, connection = connectionId, name = bucket): Promise<number> {
  await store.write([{ sql: 'INSERT OR IGNORE INTO buckets (connection_id, bucket) VALUES (?, ?)', rows: [[connection, name]] }]);
  const row = await store.get<{ id: number }>('SELECT id FROM buckets WHERE connection_id = ? AND bucket = ?', [connection, name]);
  return row?.id ?? -1;
}

/** Adds objects (and their deep-scan results) to an open index, as seen by one finished sync per bucket. */
export async function plant(store: IndexStore, objects: readonly Planted[]): Promise<void> {
  const ids = new Map<string, number>();
  for (const o of objects) {
    const name = `${o.connectionId ?? connectionId}\n${o.bucket ?? bucket}`;
    if (!ids.has(name)) ids.set(name, await bucketIdOf(store, o.connectionId ?? connectionId, o.bucket ?? bucket));
  }
  await store.write([
    {
      sql: `INSERT INTO syncs (bucket_id, source, state, started_at, finished_at) VALUES (?, 'list', 'done', '2026-01-02T00:00:00.000Z', '2026-01-02T00:01:00.000Z')`,
      rows: [...ids.values()].map((id) => [id]),
    },
  ]);
  const planted = objects.map((o, i) => ({
    bucketId: ids.get(`${o.connectionId ?? connectionId}\n${o.bucket ?? bucket}`) ?? -1,
    key: o.key,
    size: o.size ?? 1024,
    etag: o.etag ?? `etag${String(i).padStart(8, '0')}`,
    lastModified: o.lastModified ?? '2026-01-01T00:00:00.000Z',
    storageClass: o.storageClass === undefined ? 'STANDARD' : o.storageClass,
    scannedAt: o.scan && !o.scan.stale ? '2026-02-01T00:00:00.000Z' : null,
    cacheControl: o.scan?.cacheControl ?? null,
    cacheIssue: o.scan?.cacheIssue ?? null,
    publicRead: o.scan?.acl === 'public-read' ? 1 : o.scan?.acl === 'private' ? 0 : null,
    anyone: o.scan?.anyoneCanRead ?? null,
  }));
  await store.write([
    {
      sql: `INSERT INTO objects (bucket_id, key, size, etag, last_modified, storage_class, first_sync, scanned_at)
            VALUES (@bucketId, @key, @size, ${toStoredEtagSql('@etag')}, ${toStoredTimeSql('@lastModified')}, nullif(@storageClass, 'STANDARD'),
                    (SELECT max(id) FROM syncs WHERE bucket_id = @bucketId), @scannedAt)`,
      rows: planted,
    },
    {
      // What the scan found, as the deep scan writes it: a row of object_scans beside a scanned object (v14).
      sql: `INSERT INTO object_scans (object_id, cache_control, cache_issue, public_read, anyone_can_read)
            SELECT id, @cacheControl, @cacheIssue, @publicRead, @anyone FROM objects WHERE bucket_id = @bucketId AND key = @key AND scanned_at IS NOT NULL`,
      rows: planted,
    },
  ]);
  // The finished sync counted what it saw, as a real one does (search sizes its plans by it).
  await store.write([
    { sql: 'UPDATE syncs SET object_count = (SELECT count(*) FROM objects o WHERE o.bucket_id = syncs.bucket_id)', rows: [[]] },
  ]);
}
