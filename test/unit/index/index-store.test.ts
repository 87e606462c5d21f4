import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { trigramQuery } from '../../../src/main/core/index/trigram-fold';
import { silentLogger } from '../../../src/main/core/logger';
import { AppError } from '../../../src/shared/errors';

const dirs: string[] = [];
const stores: IndexStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function start(): { store: IndexStore; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-index-'));
  dirs.push(dir);
  const file = path.join(dir, 'index.sqlite');
  const store = startIndexStore({ file, logger: silentLogger });
  stores.push(store);
  return { store, file };
}

const insertBucket = { sql: "INSERT OR IGNORE INTO buckets (id, connection_id, bucket) VALUES (1, 'c1', 'media')", rows: [[]] };
const insertObject = `INSERT INTO objects (bucket_id, key, size, etag, last_modified, storage_class, first_sync)
  VALUES (@bucket, @key, @size, NULL, NULL, NULL, 1)`;
const row = (key: string, size = 1) => ({ bucket: 1, key, size });

describe('the index store (a worker thread behind an async port)', () => {
  it('opens index.sqlite in its worker and answers reads and writes', async () => {
    const { store } = start();
    expect(await store.opened).toEqual({ state: 'ready', setAside: null });
    expect(await store.write([insertBucket, { sql: insertObject, rows: [row('public/a.jpg', 10), row('public/b.jpg', 20)] }])).toEqual({
      changes: 3,
    });
    expect(await store.all('SELECT key, size FROM objects ORDER BY key')).toEqual([
      { key: 'public/a.jpg', size: 10 },
      { key: 'public/b.jpg', size: 20 },
    ]);
    expect(await store.get('SELECT sum(size) AS total FROM objects WHERE bucket_id = ?', [1])).toEqual({ total: 30 });
    expect(await store.get('SELECT * FROM objects WHERE key = ?', ['nope'])).toBeUndefined();
  });

  it('finds keys by any three or more characters of their name, whatever the case (FTS5 trigram)', async () => {
    const { store } = start();
    await store.write([
      insertBucket,
      { sql: insertObject, rows: [row('public/shoots/Holiday-2024/beach.mov'), row('private/contracts/offer.pdf')] },
    ]);
    const search = (text: string) =>
      store.all<{ key: string }>(
        'SELECT o.key FROM objects_key_fts f JOIN objects o ON o.id = f.rowid WHERE objects_key_fts MATCH ? AND key_contains(o.key, ?) ORDER BY o.key',
        [trigramQuery(text), text],
      );
    expect(await search('iday-20')).toEqual([{ key: 'public/shoots/Holiday-2024/beach.mov' }]);
    expect(await search('OFFER')).toEqual([{ key: 'private/contracts/offer.pdf' }]);
    // Every trigram of "publid" ("pub", "ubl", "bli", "lid") is in the first key, not in that
    // order: the index's candidate, which the check turns down.
    expect(await search('Holid')).toEqual([{ key: 'public/shoots/Holiday-2024/beach.mov' }]);
    expect(await search('publid')).toEqual([]);
    await store.write([{ sql: 'DELETE FROM objects WHERE key LIKE ?', rows: [['private/%']] }]);
    expect(await search('offer')).toEqual([]);
  });

  it('writes all of a request or none of it, and reports SQL errors as AppErrors', async () => {
    const { store } = start();
    const failed = await store
      .write([insertBucket, { sql: insertObject, rows: [row('public/a.jpg'), row('public/a.jpg')] }])
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({
      code: 'Internal',
      message: expect.stringMatching(/UNIQUE constraint failed.*nothing was written/) as string,
    });
    expect(await store.get('SELECT count(*) AS n FROM objects')).toEqual({ n: 0 });
    await expect(store.all('SELECT nope FROM objects')).rejects.toMatchObject({ code: 'Internal' });
  });

  it('closing waits until the worker has closed the file; nothing is answered after', async () => {
    const { store, file } = start();
    await store.opened;
    const long = store.write([
      insertBucket,
      {
        sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO objects (bucket_id, key, size, first_sync) SELECT 1, 'k' || i, i, 1 FROM n`,
        rows: [[]],
      },
    ]);
    const queued = store.get('SELECT count(*) AS n FROM objects');
    store.close();
    // The worker was stopped cleanly: its connection is closed, so SQLite removed the -wal.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    await expect(long).rejects.toMatchObject({ code: 'Cancelled' });
    await expect(queued).rejects.toMatchObject({ code: 'Cancelled' });
    await expect(store.get('SELECT 1')).rejects.toMatchObject({ code: 'Cancelled', message: expect.stringMatching(/closing/) as string });
  });
});
