import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBucket, gatewayFromState, putObjects, type TestBucket } from '../../support/s3-test-env';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { gatewayDraft, pollUntil, startShareCore, type ShareCore } from './share-fixture';

let gw: GatewayHandle;
let tb: TestBucket;

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'share-ledger');
  await putObjects(tb.client, tb.bucket, [
    { key: 'private/a.pdf', body: 'a' },
    { key: 'private/b.pdf', body: 'b' },
    { key: 'public/c.png', body: 'c', acl: 'public-read' },
  ]);
});
afterAll(async () => tb.cleanup());

describe('the share ledger', () => {
  let h: ShareCore;
  let connectionId: string;
  beforeEach(async () => {
    h = startShareCore();
    connectionId = (await h.value('connections:add', gatewayDraft(gw))).id;
  });
  afterEach(() => h.close());

  it('records every link issued, of every kind, and never a signature', async () => {
    const ref = { connectionId, bucket: tb.bucket };
    const get = await h.value('share:link', {
      ...ref,
      key: 'private/a.pdf',
      expiresInSeconds: 3600,
      note: 'ZD-100',
      disposition: { type: 'attachment' },
    });
    const pub = await h.value('share:link', { ...ref, key: 'public/c.png' });
    const bulk = await h.value('share:links', { ...ref, keys: ['private/a.pdf', 'private/b.pdf'], note: 'ZD-200' });
    const post = await h.value('share:uploadLink', {
      ...ref,
      method: 'post',
      target: { type: 'prefix', prefix: 'private/inbox/ZD-300/' },
      maxBytes: 1000,
      note: 'ZD-300',
      anyContentType: true,
    });
    const put = await h.value('share:uploadLink', { ...ref, method: 'put', key: 'private/inbox/one.bin' });

    const page = await h.value('share:ledger', {});
    expect(page.total).toBe(6);
    expect(page.revocation).toMatch(/cannot be revoked early/);
    expect(page.entries.map((e) => [e.kind, e.key, e.target, e.note])).toEqual([
      ['put', 'private/inbox/one.bin', 'object', null],
      ['post', 'private/inbox/ZD-300/', 'prefix', 'ZD-300'],
      ['get', 'private/b.pdf', 'object', 'ZD-200'],
      ['get', 'private/a.pdf', 'object', 'ZD-200'],
      ['public', 'public/c.png', 'object', null],
      ['get', 'private/a.pdf', 'object', 'ZD-100'],
    ]);
    const first = page.entries[5];
    expect(first).toMatchObject({
      id: get.ledgerId,
      connectionName: 'Test bed',
      bucket: tb.bucket,
      expiresAt: get.expiresAt,
      alive: true,
      osUser: userInfo().username,
      resource: `${gw.endpoint}/${tb.bucket}/private/a.pdf`,
      options: {
        route: 'presigned',
        requestedSeconds: 3600,
        seconds: 3600,
        cap: 'requested',
        contentDisposition: 'attachment; filename="a.pdf"',
      },
    });
    expect(page.entries[4]).toMatchObject({ id: pub.ledgerId, expiresAt: null, alive: true, resource: pub.url });
    expect(page.entries[1]).toMatchObject({
      options: { minBytes: 1, maxBytes: 1000 },
      resource: `${gw.endpoint}/${tb.bucket}/private/inbox/ZD-300/`,
    });
    for (const entry of page.entries) expect(entry.resource).not.toContain('?');

    // The signatures that were handed out appear nowhere in the database file or its WAL.
    const signatures = [get.url, ...bulk.rows.map((r) => r.url), put.url].map((u) => new URL(u).searchParams.get('X-Amz-Signature') ?? '');
    signatures.push(post.fields['X-Amz-Signature'] ?? '', post.fields.Policy ?? '');
    expect(signatures.every((s) => s.length >= 64)).toBe(true);
    const bytes = h.databaseBytes();
    for (const secret of signatures) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    for (const marker of ['X-Amz-Signature', 'X-Amz-Credential', 'Policy=']) expect(bytes.includes(Buffer.from(marker))).toBe(false);
  });

  it('searches by key or note, filters by kind, connection and alive/expired, and pages', async () => {
    const ref = { connectionId, bucket: tb.bucket };
    await h.value('share:link', { ...ref, key: 'private/a.pdf', expiresInSeconds: 1, note: 'short' });
    await h.value('share:link', { ...ref, key: 'private/b.pdf', expiresInSeconds: 3600, note: 'ZD-9 long' });
    await h.value('share:link', { ...ref, key: 'public/c.png' });
    const other = await h.value('connections:add', gatewayDraft(gw, { name: 'Other' }));
    await h.value('share:link', { connectionId: other.id, bucket: tb.bucket, key: 'private/b.pdf' });

    const expired = await pollUntil(
      () => h.value('share:ledger', { state: 'expired' }),
      (p) => p.total === 1,
      10_000,
      (p) => `${p.total} expired`,
    );
    expect(expired.entries[0]).toMatchObject({ key: 'private/a.pdf', alive: false });
    expect((await h.value('share:ledger', { state: 'alive' })).total).toBe(3);
    expect((await h.value('share:ledger', { search: 'zd-9' })).entries.map((e) => e.key)).toEqual(['private/b.pdf']);
    expect((await h.value('share:ledger', { search: 'B.PDF' })).total).toBe(2);
    expect((await h.value('share:ledger', { kinds: ['public'] })).total).toBe(1);
    expect((await h.value('share:ledger', { connectionId: other.id })).entries.map((e) => e.connectionName)).toEqual(['Other']);
    const page2 = await h.value('share:ledger', { offset: 1, limit: 2 });
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.entries.map((e) => e.key)).toEqual(['public/c.png', 'private/b.pdf']);

    // Removing a connection keeps its history: the ledger outlives what shared.
    await h.value('connections:remove', { id: other.id });
    expect((await h.value('share:ledger', { connectionId: other.id })).total).toBe(1);

    // Main writes the file where the host's save dialog said (the browser host: its download folder).
    const exported = await h.value('share:ledgerExport', { state: 'alive' });
    expect(exported).toMatchObject({ saved: true, rows: 3, truncated: false });
    if (!exported.saved) return;
    expect(exported.fileName).toMatch(/^share-ledger-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    expect(exported.path).toBe(join(h.dataDir, 'downloads', exported.fileName));
    const csv = readFileSync(exported.path, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,created_at,expires_at,state,kind,connection,bucket,key,target,os_user,note,options,resource');
    expect(lines).toHaveLength(4);
    expect(csv).toContain(',no expiry,public,');
    expect(csv).not.toContain('X-Amz-Signature');
    // A second export the same second does not replace the first.
    const again = await h.value('share:ledgerExport', { state: 'alive' });
    expect(again.saved && again.path).not.toBe(exported.path);
  });

  it('refuses bad ledger queries with a clear message', async () => {
    const bad = await h.call('share:ledger', { limit: 5000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const badKind = await h.call('share:ledger', { kinds: ['delete' as 'get'] });
    expect(badKind).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });
});

describe('copying through main', () => {
  it('the Electron host copies in main; the browser host leaves it to the renderer', async () => {
    const electron = startShareCore({ withClipboard: true });
    const browser = startShareCore();
    try {
      const ids = await Promise.all([electron, browser].map(async (h) => (await h.value('connections:add', gatewayDraft(gw))).id));
      const [eid = '', bid = ''] = ids;
      expect(await electron.value('share:defaults', { connectionId: eid })).toMatchObject({ clipboard: 'main' });
      const link = await electron.value('share:link', { connectionId: eid, bucket: tb.bucket, key: 'private/a.pdf', copy: true });
      expect(link.copiedByMain).toBe(true);
      expect(electron.clipboard).toEqual([link.url]);
      const many = await electron.value('share:links', {
        connectionId: eid,
        bucket: tb.bucket,
        keys: ['private/a.pdf', 'private/b.pdf'],
        copy: 'csv',
      });
      expect(electron.clipboard[1]).toBe(many.csv);
      const form = await electron.value('share:uploadLink', {
        connectionId: eid,
        bucket: tb.bucket,
        method: 'post',
        target: { type: 'prefix', prefix: 'private/in/' },
        maxBytes: 10,
        copy: 'html',
        anyContentType: true,
      });
      expect(electron.clipboard[2]).toBe(form.html);
      // Copying again names the snippet: its text does not come back from the page.
      expect(await electron.value('share:copySnippet', { snippetId: form.snippetIds.curl })).toEqual({ copiedByMain: true });
      expect(electron.clipboard[3]).toBe(form.curl);
      expect(await electron.value('share:copySnippet', { snippetId: many.snippetIds.text })).toEqual({ copiedByMain: true });
      expect(electron.clipboard[4]).toBe(many.text);
      const unknown = await electron.call('share:copySnippet', { snippetId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NotFound' } });

      const notCopied = await browser.value('share:link', { connectionId: bid, bucket: tb.bucket, key: 'private/a.pdf', copy: true });
      expect(notCopied.copiedByMain).toBe(false);
      const links = await browser.value('share:links', { connectionId: bid, bucket: tb.bucket, keys: ['private/a.pdf'] });
      expect(await browser.value('share:copySnippet', { snippetId: links.snippetIds.csv })).toEqual({ copiedByMain: false });
    } finally {
      electron.close();
      browser.close();
    }
  });
});
