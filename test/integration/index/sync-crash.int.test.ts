import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareKeys } from '../../../src/main/core/index/key-order';
import { startCore } from '../../support/core-harness';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../../support/fault-proxy';
import { gatewayFromState, s3ClientFor, type GatewayHandle } from '../../support/s3-test-env';
import { deepFlatBucket, ensureDeepFlatBucket } from './support/deep-flat-fixture';
import { liveRows, openIndexOf, watchSyncs } from './support/index-env';

let gw: GatewayHandle;
let keys: string[];
let proxy: FaultProxy;
const dirs: string[] = [];

beforeAll(async () => {
  gw = gatewayFromState();
  const client = s3ClientFor(gw);
  keys = (await ensureDeepFlatBucket(client)).sort(compareKeys);
  client.destroy();
  proxy = await startFaultProxy(gw.endpoint);
}, 600_000);
afterAll(async () => {
  await proxy.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A ListObjectsV2 request's parameters, as the proxy saw them (undefined for any other request). */
function listing(request: ProxiedRequest): { startAfter?: string; token?: string; delimiter?: string; maxKeys?: string } | undefined {
  const url = new URL(request.target, 'http://proxy');
  if (request.method !== 'GET' || url.searchParams.get('list-type') !== '2') return undefined;
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const found = { startAfter: get('start-after'), token: get('continuation-token'), delimiter: get('delimiter'), maxKeys: get('max-keys') };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/** A page of a key range: not the first page of the sync, not a planning request (delimiter or one-key probe). */
const isRangePage = (l: ReturnType<typeof listing>): boolean =>
  l !== undefined && l.delimiter === undefined && l.maxKeys === undefined && (l.startAfter !== undefined || l.token !== undefined);

interface RangeRow {
  ordinal: number;
  start_after: string | null;
  end_key: string | null;
  position: string | null;
  done: number;
  object_count: number;
}

/** What the killed process left in index.sqlite, read after the kill. */
function inspectIndex(file: string) {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const sync = db.prepare("SELECT id, state, object_count, page_count FROM syncs WHERE source = 'list'").get() as {
      id: number;
      state: string;
      object_count: number;
      page_count: number;
    };
    const ranges = db.prepare('SELECT * FROM sync_ranges WHERE sync_id = ? ORDER BY ordinal').all(sync.id) as RangeRow[];
    const indexed = (db.prepare('SELECT key FROM objects ORDER BY key').all() as { key: string }[]).map((r) => r.key);
    return { integrity, sync, ranges, indexed };
  } finally {
    db.close();
  }
}

/** The keys of the fixture in a range's merged window: after start_after, up to its position (its end once done). */
function keysMerged(range: RangeRow): string[] {
  const through = range.done ? range.end_key : range.position;
  if (!range.done && through === null) return [];
  return keys.filter(
    (k) => (range.start_after === null || compareKeys(k, range.start_after) > 0) && (through === null || compareKeys(k, through) <= 0),
  );
}

// Range pages that pass before every later listing response is held.
const pagesThrough = 5;

describe.each([
  ['in parallel key ranges', true],
  ['sequentially', false],
])('a process killed mid-sync (%s)', (_name, parallel) => {
  it('leaves a consistent index, and the next sync lists only what was not merged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-sync-crash-'));
    dirs.push(dataDir);
    let rangePages = 0;
    let held = false;
    proxy.setRule((request) => {
      const l = listing(request);
      if (held || (isRangePage(l) && ++rangePages > pagesThrough)) {
        held = true;
        // Never released: the child waits on these until it is killed.
        return { kind: 'holdResponse', onHeld: () => undefined };
      }
      return { kind: 'pass' };
    });
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/integration/index/support/sync-child.ts')], {
      cwd: resolve('.'),
      env: {
        ...process.env,
        SYNC_CHILD_ARGS: JSON.stringify({ gw, endpoint: proxy.endpoint, dataDir, bucket: deepFlatBucket, parallel }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    let connectionId = '';
    let firstJob = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { connectionId?: string; jobId?: string };
      if (message.connectionId) {
        connectionId = message.connectionId;
        firstJob = message.jobId ?? '';
      }
    });
    // The first page and `pagesThrough` range pages are merged; every later page is held.
    const indexFile = join(dataDir, 'index.sqlite');
    await expect.poll(() => (held && connectionId ? readPages(indexFile) : 0), { timeout: 60_000, interval: 50 }).toBe(pagesThrough + 1);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const left = inspectIndex(indexFile);
    expect(left.integrity).toBe('ok');
    expect(left.sync).toMatchObject({ state: 'running', page_count: pagesThrough + 1 });
    // No half page: the index holds exactly the fixture's keys of each range's merged window.
    const merged = left.ranges.flatMap(keysMerged);
    expect(left.indexed).toEqual(merged);
    expect(left.sync.object_count).toBe(merged.length);
    expect(left.ranges.reduce((n, r) => n + r.object_count, 0)).toBe(merged.length);
    const pending = left.ranges.filter((r) => r.done === 0);
    expect(pending.length).toBeGreaterThan(0);
    expect(merged.length).toBeLessThan(keys.length);

    // The next start of the app, on the same folder, with the gateway answering again.
    proxy.setRule(() => ({ kind: 'pass' }));
    proxy.dropAll();
    const before = proxy.requests.length;
    const h = startCore({ dataDir });
    try {
      const syncs = watchSyncs(h);
      const again = await h.value('index:sync', { connectionId, bucket: deepFlatBucket, parallel });
      expect(again).toEqual({ jobId: firstJob, resumed: true });
      const end = await syncs.end(again.jobId, 300_000);
      expect(end).toMatchObject({ state: 'done', objects: keys.length, added: keys.length, changed: 0, removed: 0 });
      const index = openIndexOf(dataDir);
      try {
        expect((await liveRows(index, connectionId, deepFlatBucket)).map((r) => r.key)).toEqual(keys);
      } finally {
        index.close();
      }
    } finally {
      h.close({ keepData: true });
    }
    // Nothing planned again, nothing listed from the start: a resumed lister starts only at an
    // unfinished range's position (each at most once), then goes on by continuation token — into
    // the next unfinished range too, when it gets there first (so not every range needs a start).
    const resumed = proxy.requests
      .slice(before)
      .map(listing)
      .filter((l) => l !== undefined);
    expect(resumed.filter((l) => l.delimiter !== undefined || l.maxKeys !== undefined)).toEqual([]);
    expect(resumed.filter((l) => l.startAfter === undefined && l.token === undefined)).toEqual([]);
    const starts = resumed.flatMap((l) => (l.token === undefined ? [l.startAfter] : []));
    const positions = new Set(pending.map((r) => r.position ?? r.start_after));
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.filter((s) => s === undefined || !positions.has(s))).toEqual([]);
    // Each at most once, counting first attempts: the SDK sends a request again after a timeout
    // on a busy machine (its `amz-sdk-request: attempt=2` header says so), which is no second lister.
    const firstStartRequests = proxy.requests
      .slice(before)
      .filter((r) => (r.headers['amz-sdk-request'] ?? 'attempt=1;').startsWith('attempt=1;'))
      .flatMap((r) => {
        const l = listing(r);
        return l !== undefined && l.token === undefined ? [{ startAfter: l.startAfter, request: r }] : [];
      });
    const firstStarts = firstStartRequests.map((s) => s.startAfter);
    expect(firstStarts.length).toBeGreaterThan(0);
    // Named when it fails: whether a repeat is one SDK call sent twice (same invocation id) or two calls.
    const repeated = firstStartRequests
      .filter((s, i) => firstStarts.indexOf(s.startAfter) !== i || firstStarts.lastIndexOf(s.startAfter) !== i)
      .map((s) => ({
        startAfter: s.startAfter,
        index: s.request.index,
        connection: s.request.connection,
        invocation: s.request.headers['amz-sdk-invocation-id'],
      }));
    expect(new Set(firstStarts).size, JSON.stringify(repeated)).toBe(firstStarts.length);
  }, 600_000);
});

/** Listing pages the sync has merged so far (0 before its row exists). */
function readPages(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT page_count FROM syncs WHERE source = 'list'").get() as { page_count: number } | undefined;
      return row?.page_count ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
