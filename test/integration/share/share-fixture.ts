// Shared set-up for the share-link integration tests: a real core (real SQLite in a temp folder,
// optionally with a recording clipboard), a connection to the Ceph RGW test bed, and a bucket.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFileSecretStore } from '../../../src/main/browser-host/key-file-secret-store';
import { createAppCore, databaseFileName } from '../../../src/main/core/app-core';
import { silentLogger } from '../../../src/main/core/logger';
import type { Channel, ChannelInput, ChannelResult } from '../../../src/shared/contract';
import type { ConnectionDraft } from '../../../src/shared/model/connection';
import type { Result } from '../../../src/shared/result';
import type { GatewayHandle } from '../../support/rgw/ceph-gateway';

/** Every HTTP request a test makes is bounded, so a stalled gateway fails with a message. */
export const httpTimeoutMs = 15_000;

export interface ShareCore {
  dataDir: string;
  /** Text main put on the "OS clipboard" (only when built with a clipboard). */
  clipboard: string[];
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>>;
  value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  /** The database file and its WAL, as bytes on disk. */
  databaseBytes(): Buffer;
  close(): void;
}

/** A real core through its router; `withClipboard` plays the Electron host, else the browser host. */
export function startShareCore(options: { withClipboard?: boolean } = {}): ShareCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-share-'));
  const clipboard: string[] = [];
  const core = createAppCore({
    dataDir,
    secretStore: new KeyFileSecretStore(join(dataDir, 'dev-secret.key')),
    host: options.withClipboard ? 'electron' : 'browser',
    version: 'test',
    logger: silentLogger,
    ...(options.withClipboard ? { clipboard: { writeText: (text: string) => clipboard.push(text) } } : {}),
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    (await core.router.handle(channel, input)) as Result<ChannelResult<C>>;
  return {
    dataDir,
    clipboard,
    call,
    async value(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    databaseBytes() {
      const file = join(dataDir, databaseFileName);
      return Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: 'a+' })]);
    },
    close() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A connection draft for the test bed's user. */
export function gatewayDraft(gw: GatewayHandle, extra: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    name: 'Test bed',
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
    endpoint: gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
    ...extra,
  };
}

/** fetch with a bounded wait. */
export function fetchBounded(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(httpTimeoutMs) });
}

/**
 * Calls `attempt` until `done` holds for its result or `timeoutMs` passes (then fails with the last
 * result). A short pause between attempts keeps the gateway free for other tests.
 */
export async function pollUntil<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, describe: (value: T) => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms; last: ${describe(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The S3 error code in an XML error body, e.g. AccessDenied. */
export function s3ErrorCode(body: string): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
}
