import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { stateFileName } from '../../../src/main/core/store/state-file';
import { defaultUploadSettings } from '../../../src/main/core/transfers/plan/upload-options';
import { startCore, type CoreHarness } from '../../support/core-harness';

const cores: CoreHarness[] = [];
afterEach(() => cores.splice(0).forEach((h) => h.close()));

/** Every settings-like row of state.sqlite that names `id`, as `table: key`. */
function settingsNaming(dataDir: string, id: string): string[] {
  const db = new BetterSqlite3(join(dataDir, stateFileName), { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('app_settings', 'connection_settings', 'bucket_capabilities')",
      )
      .pluck()
      .all() as string[];
    return tables.flatMap((table) =>
      (db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>)
        .filter((row) => Object.values(row).some((v) => typeof v === 'string' && v.includes(id)))
        .map((row) => `${table}: ${String(row['key'] ?? row['capability'])}`),
    );
  } finally {
    db.close();
  }
}

it('removing a connection removes its settings too (upload defaults, remembered expiries, bucket capabilities)', async () => {
  const h = startCore();
  cores.push(h);
  const { id } = await h.value('connections:add', {
    name: 'Gone soon',
    credentials: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example' },
    endpoint: 'http://127.0.0.1:9',
    forcePathStyle: true,
  });
  await h.value('transfers:setDefaults', {
    connectionId: id,
    settings: { ...defaultUploadSettings, other: { acl: 'private', cacheControl: 'no-store' } },
  });
  expect(settingsNaming(h.dataDir, id)).not.toEqual([]);
  expect(await h.value('connections:remove', { id })).toEqual({ removed: true });
  expect(settingsNaming(h.dataDir, id)).toEqual([]);
});
