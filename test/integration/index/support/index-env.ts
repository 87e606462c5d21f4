import { join } from 'node:path';
import type { EventPayload } from '../../../../src/shared/contract';
import type { IndexSyncProgress } from '../../../../src/shared/model/index-sync';
import { startIndexStore, type IndexStore } from '../../../../src/main/core/index/index-store';
import { silentLogger } from '../../../../src/main/core/logger';
import type { CoreHarness } from '../../../support/core-harness';
import { classSql, etagSql, timeSql } from '../../../../src/main/core/index/stored-values';

/** The `index:progress` events a core emits, with a wait for a sync job's end. */
export function watchSyncs(h: CoreHarness): {
  events: IndexSyncProgress[];
  end(jobId: string, timeoutMs?: number): Promise<IndexSyncProgress>;
} {
  const events: IndexSyncProgress[] = [];
  const waiters = new Set<() => void>();
  h.core.onEvent((event, payload) => {
    if (event !== 'index:progress') return;
    events.push(payload as EventPayload<'index:progress'>);
    for (const w of waiters) w();
  });
  return {
    events,
    end: (jobId, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => e.jobId === jobId && e.state !== 'running');
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`sync ${jobId} did not end in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** A second port onto a core's index.sqlite, for the test to read what the sync wrote. */
export function openIndexOf(dataDir: string): IndexStore {
  return startIndexStore({ file: join(dataDir, 'index.sqlite'), logger: silentLogger });
}

/** Every live row of a bucket, as a listing would give them, in key order. */
export function liveRows(
  index: IndexStore,
  connectionId: string,
  bucket: string,
): Promise<{ key: string; size: number; etag: string | null; last_modified: string | null; storage_class: string | null }[]> {
  return index.all(
    `SELECT o.key, o.size, ${etagSql('o.etag')} AS etag, ${timeSql('o.last_modified')} AS last_modified,
       ${classSql('o.storage_class')} AS storage_class FROM objects o JOIN buckets b ON b.id = o.bucket_id
     WHERE b.connection_id = ? AND b.bucket = ? ORDER BY o.key`,
    [connectionId, bucket],
  );
}
