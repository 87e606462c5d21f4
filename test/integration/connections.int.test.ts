import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConnection } from '../../src/main/core/connections/connection-tester';
import { stateFileName } from '../../src/main/core/store/state-file';
import type { ConnectionDraft } from '../../src/shared/model/connection';
import { startCore, type CoreHarness } from '../support/core-harness';
import { createTestBucket, gatewayFromState, s3ClientFor } from '../support/s3-test-env';
import type { GatewayHandle } from '../../src/main/local-gateway/ceph-gateway';
import { ensureUser } from '../../src/main/local-gateway/users';

let gw: GatewayHandle;
let bucket: string;
let testBucket: Awaited<ReturnType<typeof createTestBucket>>;

beforeAll(async () => {
  gw = gatewayFromState();
  testBucket = await createTestBucket(gw, 'connections');
  bucket = testBucket.bucket;
  const s3 = s3ClientFor(gw);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'public/a.txt', Body: 'a' }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'private/b.txt', Body: 'b' }));
});
afterAll(async () => testBucket.cleanup());

function draft(overrides: Partial<ConnectionDraft> & { secret?: string; accessKeyId?: string } = {}): ConnectionDraft {
  const { secret, accessKeyId, ...rest } = overrides;
  return {
    name: 'Gateway',
    credentials: { kind: 'keys', accessKeyId: accessKeyId ?? gw.accessKeyId, secretAccessKey: secret ?? gw.secretAccessKey },
    endpoint: gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
    ...rest,
  };
}

describe('connections against a real S3 gateway', () => {
  let h: CoreHarness;
  beforeEach(() => {
    h = startCore();
  });
  afterEach(() => h.close());

  it('adds, tests, lists buckets and opens both roots', async () => {
    const added = await h.value('connections:add', draft());
    expect(added.credentials).toEqual({ kind: 'keys', accessKeyIdMasked: expect.stringContaining('…') as string, hasSessionToken: false });
    const report = await h.value('connections:test', { id: added.id });
    expect(report).toMatchObject({ ok: true });
    expect(report.buckets).toContain(bucket);
    const buckets = await h.value('buckets:list', { connectionId: added.id });
    expect(buckets.map((b) => b.name)).toContain(bucket);
    const top = await h.value('browse:list', { connectionId: added.id, bucket, prefix: '' });
    expect(top.entries.map((e) => e.key)).toEqual(['private/', 'public/']);
    const pub = await h.value('browse:list', { connectionId: added.id, bucket, prefix: 'public/' });
    expect(pub.entries).toMatchObject([{ kind: 'object', key: 'public/a.txt', name: 'a.txt', size: 1 }]);
  });

  it('keeps the secret encrypted at rest and out of every answer', async () => {
    const added = await h.value('connections:add', draft());
    const answers = JSON.stringify([added, await h.value('connections:list', {})]);
    expect(answers).not.toContain(gw.secretAccessKey);
    expect(answers).not.toContain(gw.accessKeyId);
    const db = readFileSync(join(h.dataDir, stateFileName));
    const wal = readFileSync(join(h.dataDir, `${stateFileName}-wal`), { flag: 'a+' });
    expect(Buffer.concat([db, wal]).includes(Buffer.from(gw.secretAccessKey))).toBe(false);
  });

  it('edits without re-entering the secret, and refuses a new key ID without its secret', async () => {
    const added = await h.value('connections:add', draft());
    const keep = draft({ name: 'Renamed' });
    keep.credentials = { kind: 'keys', accessKeyId: gw.accessKeyId };
    const edited = await h.value('connections:update', { id: added.id, draft: keep });
    expect(edited.name).toBe('Renamed');
    expect(await h.value('connections:test', { id: added.id })).toMatchObject({ ok: true });
    expect(await h.value('connections:test', { draft: keep, id: added.id })).toMatchObject({ ok: true });

    const otherKey = draft();
    otherKey.credentials = { kind: 'keys', accessKeyId: 'ANOTHERKEY1234' };
    const refused = await h.call('connections:update', { id: added.id, draft: otherKey });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });

  it('removes a connection and its secret', async () => {
    const added = await h.value('connections:add', draft());
    expect(await h.value('connections:remove', { id: added.id })).toEqual({ removed: true });
    expect(await h.value('connections:list', {})).toEqual([]);
    expect(await h.call('buckets:list', { connectionId: added.id })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it.each([
    ['a wrong secret', () => draft({ secret: 'wrong-secret-value' }), 'WrongSecret', /secret access key is wrong/],
    ['a wrong access key ID', () => draft({ accessKeyId: 'NOSUCHKEY12345' }), 'WrongAccessKey', /does not know this access key/],
    ['a bucket that does not exist', () => draft({ bucket: 'no-such-bucket-here' }), 'NoSuchBucket', /no bucket “no-such-bucket-here”/],
  ] as const)('reports %s in plain words', async (_label, make, code, words) => {
    const report = await h.value('connections:test', { draft: make() });
    expect(report).toMatchObject({ ok: false, code });
    expect(report.message).toMatch(words);
  });
});

describe('the endpoint a connection stores', () => {
  it('refuses line breaks, credentials, paths and other schemes on add and update, naming the problem', async () => {
    const h = startCore();
    try {
      const cases = [
        [gw.endpoint.replace('127.', '127.\r\n'), /contains a line break \(carriage return\) \(U\+000D\)/],
        ['http://127.0.0.1\t:9000', /contains a tab character/],
        ['http://key:secret@127.0.0.1:9000', /cannot contain a user name or password/],
        ['http://@127.0.0.1:9000', /cannot contain a user name or password/],
        [`${gw.endpoint}/bucket`, /no path, \? query or # fragment/],
        [`${gw.endpoint}/?x=1`, /no path/],
        [`${gw.endpoint}#top`, /no path/],
        ['http:\\\\127.0.0.1:9000', /contains a backslash/],
        ['ftp://127.0.0.1:9000', /must start with http:\/\/ or https:\/\//],
        ['not a url', /contains a space/],
      ] as const;
      for (const [endpoint, words] of cases) {
        const added = await h.call('connections:add', draft({ endpoint }));
        expect(added, JSON.stringify(endpoint)).toMatchObject({
          ok: false,
          error: { code: 'InvalidInput', message: expect.stringMatching(words) as string },
        });
      }
      expect(await h.value('connections:list', {})).toEqual([]);
      const good = await h.value('connections:add', draft({ endpoint: `${gw.endpoint}/` }));
      const refused = await h.call('connections:update', { id: good.id, draft: draft({ endpoint: `${gw.endpoint}\nHost: x` }) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringMatching(/line break/) as string } });
      expect(await h.value('connections:test', { id: good.id })).toMatchObject({ ok: true });
    } finally {
      h.close();
    }
  });

  it('a connection stored earlier with a bad endpoint still lists, and can be fixed', async () => {
    const first = startCore();
    const saved = await first.value('connections:add', draft({ name: 'Old one' }));
    first.close({ keepData: true });
    const db = new Database(join(first.dataDir, stateFileName));
    const row = db.prepare('SELECT settings_json FROM connections WHERE id = ?').get(saved.id) as { settings_json: string };
    const settings = JSON.parse(row.settings_json) as { endpoint: string };
    db.prepare('UPDATE connections SET settings_json = ? WHERE id = ?').run(
      JSON.stringify({ ...settings, endpoint: `${settings.endpoint}\r\n` }),
      saved.id,
    );
    db.close();
    const h = startCore({ dataDir: first.dataDir });
    try {
      expect(await h.value('connections:list', {})).toMatchObject([{ id: saved.id, name: 'Old one', endpoint: `${gw.endpoint}\r\n` }]);
      const fixed = await h.value('connections:update', {
        id: saved.id,
        draft: { ...draft({ name: 'Old one' }), credentials: { kind: 'keys', accessKeyId: gw.accessKeyId } },
      });
      expect(fixed.endpoint).toBe(gw.endpoint);
      expect(await h.value('connections:test', { id: saved.id })).toMatchObject({ ok: true });
    } finally {
      h.close();
    }
  });
});

describe('a connection through a named AWS profile', () => {
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
  afterEach(() => {
    process.env.AWS_CONFIG_FILE = saved.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
    if (saved.config === undefined) delete process.env.AWS_CONFIG_FILE;
    if (saved.credentials === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
  });

  it('lists the profiles and connects with one, storing no secret', async () => {
    const h = startCore();
    try {
      const dir = join(h.dataDir, 'aws');
      mkdirSync(dir);
      writeFileSync(join(dir, 'config'), '[profile media-team]\nregion = us-east-1\n[default]\nregion = eu-west-1\n');
      writeFileSync(
        join(dir, 'credentials'),
        `[media-team]\naws_access_key_id = ${gw.accessKeyId}\naws_secret_access_key = ${gw.secretAccessKey}\n`,
      );
      process.env.AWS_CONFIG_FILE = join(dir, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');

      expect(await h.value('connections:profiles', {})).toEqual(['default', 'media-team']);
      const added = await h.value('connections:add', { ...draft(), credentials: { kind: 'profile', profile: 'media-team' } });
      expect(added.credentials).toEqual({ kind: 'profile', profile: 'media-team' });
      expect(await h.value('connections:test', { id: added.id })).toMatchObject({ ok: true });

      const missing = await h.value('connections:test', { draft: { ...draft(), credentials: { kind: 'profile', profile: 'nobody' } } });
      expect(missing).toMatchObject({ ok: false, code: 'CredentialsUnavailable' });
    } finally {
      h.close();
    }
  });
});

describe('a user without rights to the bucket', () => {
  it('is told access is denied, in plain words', async () => {
    const stranger = await ensureUser(gw, 'stranger');
    const h = startCore();
    try {
      const report = await h.value('connections:test', {
        draft: draft({ accessKeyId: stranger.accessKeyId, secret: stranger.secretAccessKey, bucket }),
      });
      expect(report).toMatchObject({ ok: false, code: 'AccessDenied' });
      expect(report.message).toMatch(/access denied/i);
    } finally {
      h.close();
    }
  });
});

describe('connection failures outside S3 itself', () => {
  let plainHttp: Server;
  let h: CoreHarness;
  beforeAll(async () => {
    plainHttp = createServer((_req, res) => res.end('not s3'));
    await new Promise<void>((done) => plainHttp.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => plainHttp.close(() => done())));
  beforeEach(() => {
    h = startCore();
  });
  afterEach(() => h.close());

  it('says the endpoint is unreachable when nothing listens', async () => {
    const report = await h.value('connections:test', { draft: draft({ endpoint: 'http://127.0.0.1:9' }) });
    expect(report).toMatchObject({ ok: false, code: 'EndpointUnreachable' });
    expect(report.message).toMatch(/could not reach the server at http:\/\/127\.0\.0\.1:9/i);
  });

  it('says TLS failed when https meets a server without TLS', async () => {
    const { port } = plainHttp.address() as AddressInfo;
    const report = await h.value('connections:test', { draft: draft({ endpoint: `https://127.0.0.1:${port}` }) });
    expect(report).toMatchObject({ ok: false, code: 'TlsError' });
    expect(report.message).toMatch(/secure connection/i);
  });

  it("says the clock is off when this computer's time is skewed", async () => {
    const skewed = new S3Client({
      region: 'us-east-1',
      endpoint: gw.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
      systemClockOffset: 2 * 60 * 60 * 1000,
      maxAttempts: 1,
    });
    const record = {
      id: 'x',
      name: 'x',
      region: 'us-east-1',
      endpoint: gw.endpoint,
      forcePathStyle: true,
      checksumCompatibility: true,
      transferEngine: 'fast' as const,
      roots: { public: 'public/', private: 'private/' },
      credentials: { kind: 'keys' as const, accessKeyId: gw.accessKeyId, hasSessionToken: false },
      createdAt: '',
      updatedAt: '',
    };
    const report = await testConnection({ record, client: skewed });
    expect(report).toMatchObject({ ok: false, code: 'ClockSkew' });
    expect(report.message).toMatch(/clock/i);
  });
});
