import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/main/core/logger';
import { openDatabase } from '../../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../../src/main/core/store/migrations';
import { KeyLocks } from '../../../../src/main/core/transfers/queue/key-locks';
import { nextIntent } from '../../../../src/main/core/transfers/upload/multipart-create';
import { ServerClock } from '../../../../src/main/core/transfers/client/server-clock';
import { answerAllowanceMs, selectStrays, strayWindow, type ListedUpload } from '../../../../src/main/core/transfers/journal/stray-uploads';
import type { TransferBatch, TransferItem } from '../../../../src/main/core/transfers/queue/transfer-item';
import { TransferJournal } from '../../../../src/main/core/transfers/journal/transfer-journal';
import { useTempStore } from '../../store/temp-dir';

const store = useTempStore();
const t0 = Date.parse('2026-12-01T10:00:00Z');
const key = 'private/film.mov';

describe('which in-progress uploads are strays of a lost CreateMultipartUpload', () => {
  const intent = { key, firstAt: t0, lastAt: t0 + 3_000, offsetMs: 60_000 };
  const window = strayWindow(intent, undefined);
  const at = (ms: number, id: string, k = key): ListedUpload => ({ key: k, uploadId: id, initiatedMs: ms });

  it('takes only the exact key, initiated within the window in server time, and not known to the journal', () => {
    const uploads = [
      at(t0 + 60_000 + 1_000, 'ours'),
      at(t0 + 60_000 + 2_000, 'longer', `${key}.bak`),
      at(t0 + 60_000 + 2_500, 'another item', key),
      at(t0 + 60_000 - 60_000, 'a minute before our first attempt: someone else'),
      at(t0 + 60_000 + 3_000 + answerAllowanceMs + 60_000, 'long after our last attempt'),
      at(Number.NaN, 'no initiation time'),
    ];
    expect(selectStrays(uploads, key, window, new Set(['another item']))).toEqual(['ours']);
  });

  it('uses the server clock offset of the intent, else the one known now, else a generous margin', () => {
    expect(strayWindow(intent, 999_999).fromMs).toBe(window.fromMs);
    const known = strayWindow({ key, firstAt: t0, lastAt: t0 }, -2_000);
    const unknown = strayWindow({ key, firstAt: t0, lastAt: t0 }, undefined);
    expect(known.fromMs).toBeGreaterThan(t0 - 2_000 - 10_000);
    expect(unknown.fromMs).toBeLessThan(t0 - 10 * 60_000);
  });

  it('keeps the first attempt in the window only while it may still be initiated', () => {
    const first = nextIntent(null, key, undefined, t0);
    expect(first).toEqual({ key, firstAt: t0, lastAt: t0 });
    expect(nextIntent(first, key, 500, t0 + 5_000)).toEqual({ key, firstAt: t0, lastAt: t0 + 5_000, offsetMs: 500 });
    expect(nextIntent(first, key, 500, t0 + answerAllowanceMs + 1)).toMatchObject({ firstAt: t0 + answerAllowanceMs + 1 });
    expect(nextIntent(first, `${key} (1)`, undefined, t0 + 1)).toMatchObject({ firstAt: t0 + 1 });
  });
});

describe('server clock', () => {
  it('is unknown until an answer carries a Date, then server minus ours (mid-second)', () => {
    const clock = new ServerClock();
    clock.observe(undefined);
    clock.observe('not a date');
    expect(clock.offsetMs).toBeUndefined();
    clock.observe('Tue, 01 Dec 2026 10:00:10 GMT', t0);
    expect(clock.offsetMs).toBe(10_500);
  });
});

describe('key locks', () => {
  it('runs one holder per name at a time, other names freely', async () => {
    const locks = new KeyLocks();
    const order: string[] = [];
    let releaseA: () => void = () => undefined;
    const a = locks.run('k', undefined, () => new Promise<void>((done) => (releaseA = () => (order.push('a'), done()))));
    const b = locks.run('k', undefined, () => (order.push('b'), Promise.resolve()));
    await locks.run('other', undefined, () => (order.push('other'), Promise.resolve()));
    expect(order).toEqual(['other']);
    releaseA();
    await Promise.all([a, b]);
    expect(order).toEqual(['other', 'a', 'b']);
  });
});

describe('journal: create intents and source stamps', () => {
  it('keeps them across a restart, and knows every upload id of a key', () => {
    const file = store.file();
    const db = store.track(openDatabase({ file, migrations, logger: silentLogger }));
    const journal = new TransferJournal(db);
    const batch: TransferBatch = {
      id: 'b1',
      direction: 'upload',
      connectionId: 'c1',
      bucket: 'media',
      destination: 'private/',
      label: 'x',
      createdAt: 't0',
    };
    const item = (id: string): TransferItem => ({
      id,
      batchId: 'b1',
      seq: 0,
      direction: 'upload',
      connectionId: 'c1',
      bucket: 'media',
      key,
      localPath: `/tmp/${id}`,
      name: id,
      size: 1,
      sourceMtimeMs: 1,
      remoteEtag: null,
      state: 'queued',
      spec: { kind: 'upload', mode: 'overwrite', acl: 'private', cacheControl: null, contentType: 'video/quicktime' },
      uploadId: null,
      partSize: null,
      createIntent: null,
      sourceStamp: null,
      error: null,
      notice: null,
      attempts: 0,
      createdAt: 't0',
      bytesDone: 0,
      partsDone: 0,
      partsTotal: 0,
    });
    journal.insertBatch(batch, [item('i1'), item('i2')]);
    const intent = { key, firstAt: t0, lastAt: t0, offsetMs: 12 };
    journal.saveCreateIntent('i1', intent);
    const stamp = { dev: 1, ino: 2, size: 3, mtimeMs: 4, ctimeMs: 5.25 };
    journal.startUpload('i2', 'up-2', 5 * 1024 * 1024, stamp);
    journal.addPart('i2', { partNumber: 1, size: 5, etag: 'e', checksum: 'c' });
    const loaded = new Map(journal.loadUnfinished().items.map((i) => [i.id, i]));
    expect(loaded.get('i1')).toMatchObject({ createIntent: intent, uploadId: null, sourceStamp: null });
    expect(loaded.get('i2')).toMatchObject({ createIntent: null, uploadId: 'up-2', sourceStamp: stamp });
    expect(journal.uploadIdsOf('media', key)).toEqual(new Set(['up-2']));
    expect(journal.uploadIdsOf('media', `${key}.bak`)).toEqual(new Set());
    journal.forgetUpload('i2');
    expect(journal.parts('i2')).toEqual([]);
    expect(journal.uploadIdsOf('media', key)).toEqual(new Set());
  });
});
