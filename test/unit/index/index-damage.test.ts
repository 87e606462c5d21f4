import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startIndexStore, type IndexStore } from '../../../src/main/core/index/index-store';
import { silentLogger } from '../../../src/main/core/logger';
import { isAppError } from '../../../src/shared/errors';
import { damageTableRoot } from '../store/damage-table';

/*
 * The index worker opens a file it closed cleanly without reading every page (quick_check of a
 * million-object index takes seconds at every start). Damage it did not look for must still be
 * met honestly: the request that meets it says the index is damaged and what to do, and the next
 * start reads the file in full and sets it aside.
 */

const dirs: string[] = [];
const stores: IndexStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function start(file: string): IndexStore {
  const store = startIndexStore({ file, logger: silentLogger });
  stores.push(store);
  return store;
}

describe('a damaged index the worker opened without reading every page', () => {
  it('answers the request that meets the damage with what to do, and the next start sets the file aside', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-admin-index-damage-'));
    dirs.push(dir);
    const file = path.join(dir, 'index.sqlite');
    const first = start(file);
    expect((await first.opened).state).toBe('ready');
    await first.write([
      { sql: "INSERT INTO buckets (id, connection_id, bucket) VALUES (1, 'c', 'b')", rows: [[]] },
      { sql: "INSERT INTO syncs (id, bucket_id, source, state, started_at) VALUES (1, 1, 'list', 'done', 't')", rows: [[]] },
      {
        sql: 'INSERT INTO objects (bucket_id, key, size, first_sync) VALUES (1, ?, 1, 1)',
        rows: Array.from({ length: 3_000 }, (_, i) => [`public/media/photo-${String(i).padStart(6, '0')}.jpg`]),
      },
    ]);
    first.close();
    stores.splice(0);

    damageTableRoot(file, 'objects');

    const second = start(file);
    expect(await second.opened).toEqual({ state: 'ready', setAside: null });
    const failure = await second.get('SELECT count(*) AS n FROM objects NOT INDEXED').catch((error: unknown) => error);
    expect(isAppError(failure) && failure.code).toBe('StorageCorrupt');
    expect((failure as Error).message).toMatch(/object index is damaged .*Restart Bucket Admin/);
    second.close();
    stores.splice(0);

    const third = start(file);
    const opened = await third.opened;
    expect(opened.state === 'ready' && opened.setAside?.reason).toMatch(/^it is damaged/);
    expect(await third.get('SELECT count(*) AS n FROM objects')).toEqual({ n: 0 });
  });
});
