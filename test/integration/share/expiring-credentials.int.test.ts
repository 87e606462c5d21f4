import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../src/main/core/connections/connection-record';
import { ConnectionRepository } from '../../../src/main/core/connections/connection-repository';
import { noDialogs } from '../../../src/main/core/dialogs/dialog-port';
import { silentLogger } from '../../../src/main/core/logger';
import { createS3Client } from '../../../src/main/core/s3/client-factory';
import { ShareService } from '../../../src/main/core/share/share-service';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import { AppError } from '../../../src/shared/errors';
import { createTestBucket, gatewayFromState, putObjects, type TestBucket } from '../../support/s3-test-env';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';

let gw: GatewayHandle;
let tb: TestBucket;

beforeAll(async () => {
  gw = gatewayFromState();
  tb = await createTestBucket(gw, 'share-creds');
  await putObjects(tb.client, tb.bucket, { 'private/a.pdf': 'a' });
});
afterAll(async () => tb.cleanup());

/**
 * Temporary credentials as SSO / assume-role providers hand them out: a session token and an
 * `expiration`. The gateway does not know the token; what is under test is the cap and its words.
 */
function sessionProvider(secondsLeft: number): AwsCredentialIdentityProvider {
  return () =>
    Promise.resolve({
      accessKeyId: gw.accessKeyId,
      secretAccessKey: gw.secretAccessKey,
      sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
      expiration: new Date(Date.now() + secondsLeft * 1000),
    });
}

describe('credentials that expire sooner than the link', () => {
  let dir: string;
  let db: Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bucket-admin-share-creds-'));
    db = openDatabase({ file: join(dir, 'db.sqlite'), migrations, logger: silentLogger });
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  function serviceWith(credentials: AwsCredentialIdentityProvider): ShareService {
    const record: ConnectionRecord = {
      id: 'conn-sso-0001',
      name: 'SSO profile',
      credentials: { kind: 'profile', profile: 'sso-support' },
      region: gw.region,
      endpoint: gw.endpoint,
      forcePathStyle: true,
      checksumCompatibility: true,
      transferEngine: 'fast',
      roots: { public: 'public/', private: 'private/' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    // Saved like any connection: what it remembers (the last expiry picked) goes with its row.
    new ConnectionRepository(db).save(record, null);
    const client = createS3Client(record, credentials, { maxAttempts: 1 });
    return new ShareService({ db, connections: { resolve: () => ({ record, client }) }, dialogs: noDialogs });
  }
  const ref = () => ({ connectionId: 'conn-sso-0001', bucket: tb.bucket });

  it('caps a download link at the credentials’ expiry and says so', async () => {
    const share = serviceWith(sessionProvider(1800));
    const link = await share.link({ ...ref(), key: 'private/a.pdf', expiresInSeconds: 86_400, mode: 'auto', copy: false });
    expect(link.cap).toBe('credentials-expire');
    expect(link.expiry?.seconds).toBeGreaterThan(1790);
    expect(link.expiry?.seconds).toBeLessThanOrEqual(1800);
    expect(Date.parse(link.expiresAt ?? '')).toBeLessThanOrEqual(Date.parse(link.expiry?.credentialsExpireAt ?? ''));
    expect(link.explanation).toMatch(
      /You asked for 1 day, but the credentials that sign it expire at .* UTC and a link never outlives them/,
    );
    const url = new URL(link.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(link.expiry?.seconds));
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('FwoGZXIvYXdzEXAMPLESESSIONTOKEN');

    const defaults = await share.defaults('conn-sso-0001');
    expect(defaults.maxExpirySeconds).toBeLessThanOrEqual(1800);
    expect(defaults.credentialsExpireAt).not.toBeNull();
    // What the user picked is remembered, not the cap of the moment.
    expect(defaults.expirySeconds).toBe(86_400);
  });

  it('caps upload links the same way', async () => {
    const share = serviceWith(sessionProvider(600));
    const post = await share.uploadLink({
      ...ref(),
      method: 'post',
      target: { type: 'prefix', prefix: 'private/inbox/' },
      minBytes: 1,
      maxBytes: 100,
      expiresInSeconds: 3600,
      copy: 'none',
      anyContentType: false,
      contentType: 'application/zip',
    });
    expect(post.cap).toBe('credentials-expire');
    expect(post.expiry.seconds).toBeLessThanOrEqual(600);
    expect(post.fields['X-Amz-Security-Token']).toBe('FwoGZXIvYXdzEXAMPLESESSIONTOKEN');
    const policy = JSON.parse(Buffer.from(post.fields.Policy ?? '', 'base64').toString('utf8')) as { expiration: string };
    expect(Math.abs(Date.parse(policy.expiration) - Date.parse(post.expiresAt))).toBeLessThan(1500);
  });

  it('refuses when the credentials have under a minute left, and says what to do', async () => {
    const share = serviceWith(sessionProvider(30));
    const error = await share.link({ ...ref(), key: 'private/a.pdf', mode: 'auto', copy: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CredentialsExpired' });
    expect((error as AppError).message).toMatch(
      /expire at .* UTC, so a link would stop working at once\. Sign in again \(for SSO: aws sso login\)/,
    );
    expect(share.ledger({ state: 'any' }, 0, 10).total).toBe(0);
  });

  it('reports a provider that cannot produce credentials (expired SSO session) in plain words', async () => {
    const failing: AwsCredentialIdentityProvider = () =>
      Promise.reject(
        Object.assign(new Error('The SSO session associated with this profile has expired.'), { name: 'CredentialsProviderError' }),
      );
    const error = await serviceWith(failing)
      .defaults('conn-sso-0001')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CredentialsUnavailable' });
    expect((error as AppError).message).toMatch(/SSO session associated with this profile has expired/);
  });
});
