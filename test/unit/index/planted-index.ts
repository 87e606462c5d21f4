import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { silentLogger } from '../../../src/main/core/logger';

/** One planted object (defaults: 1 KiB, STANDARD, 2026-01-01). */
export interface Planted {
  key: string;
  size?: number;
  etag?: string;
  lastModified?: string;
  storageClass?: string | null;
  scan?: { cacheControl?: string | null; cacheIssue?: string | null; acl?: string; anyoneCanRead?: 0 | 1 | null; etag?: string };
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

/** Adds objects (and their scans) to an open index. */
export async function plant(store: IndexStore, objects: readonly Planted[]): Promise<void> {
  await store.write([
    {
      sql: `INSERT INTO objects (connection_id, bucket, key, size, etag, last_modified, storage_class)
            VALUES (@connectionId, @bucket, @key, @size, @etag, @lastModified, @storageClass)`,
      rows: objects.map((o, i) => ({
        connectionId: o.connectionId ?? connectionId,
        bucket: o.bucket ?? bucket,
        key: o.key,
        size: o.size ?? 1024,
        etag: o.etag ?? `etag${String(i).padStart(8, '0')}`,
        lastModified: o.lastModified ?? '2026-01-01T00:00:00.000Z',
        storageClass: o.storageClass === undefined ? 'STANDARD' : o.storageClass,
      })),
    },
    {
      sql: `INSERT INTO object_scans (object_id, scanned_at, etag, cache_control, cache_issue, acl_state, anyone_can_read)
            SELECT id, '2026-02-01T00:00:00.000Z', coalesce(@etag, etag), @cacheControl, @cacheIssue, @acl, @anyone FROM objects
            WHERE connection_id = @connectionId AND bucket = @bucket AND key = @key`,
      rows: objects
        .filter((o) => o.scan)
        .map((o) => ({
          connectionId: o.connectionId ?? connectionId,
          bucket: o.bucket ?? bucket,
          key: o.key,
          etag: o.scan?.etag ?? null,
          cacheControl: o.scan?.cacheControl ?? null,
          cacheIssue: o.scan?.cacheIssue ?? null,
          acl: o.scan?.acl ?? 'private',
          anyone: o.scan?.anyoneCanRead ?? null,
        })),
    },
  ]);
}
