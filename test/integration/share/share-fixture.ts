// Shared set-up for the share-link integration tests: a real core (real SQLite in a temp folder,
// optionally with a recording clipboard), a connection to the Ceph RGW test bed, and a bucket.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBrowserDialogs } from '../../../src/main/browser-host/browser-dialogs';
import { stateFileName } from '../../../src/main/core/store/state-file';
import type { ConnectionDraft } from '../../../src/shared/model/connection';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { startCore, type CoreHarness } from '../../support/core-harness';

/** Every HTTP request a test makes is bounded, so a stalled gateway fails with a message. */
export const httpTimeoutMs = 15_000;

export interface ShareCore extends CoreHarness {
  /** Text main put on the "OS clipboard" (only when built with a clipboard). */
  clipboard: string[];
  /** The database file and its WAL, as bytes on disk. */
  databaseBytes(): Buffer;
}

/**
 * A real core through its router; `withClipboard` plays the Electron host, else the browser host.
 * Exports are saved as the browser host saves them: in `<dataDir>/downloads`.
 */
export function startShareCore(options: { withClipboard?: boolean } = {}): ShareCore {
  const clipboard: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-share-'));
  const dialogs = createBrowserDialogs(join(dataDir, 'downloads'));
  const harness = startCore({
    dataDir,
    dialogs,
    ...(options.withClipboard ? { host: 'electron', clipboard: { writeText: (text: string) => clipboard.push(text) } } : {}),
  });
  return {
    ...harness,
    clipboard,
    databaseBytes() {
      const file = join(harness.dataDir, stateFileName);
      return Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: 'a+' })]);
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
export async function pollUntil<T>(
  attempt: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  describe: (value: T) => string,
): Promise<T> {
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
