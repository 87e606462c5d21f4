import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFileSecretStore } from '../../src/main/browser-host/key-file-secret-store';
import { createAppCore } from '../../src/main/core/app-core';
import type { AppCore, AppCoreOptions } from '../../src/main/core/app-core-types';
import { silentLogger } from '../../src/main/core/logger';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';

export interface CoreHarness {
  core: AppCore;
  dataDir: string;
  /** Calls a channel through the router, exactly as a host would. */
  call: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>;
  /** Like call, but returns the value and fails the test on an error envelope. */
  value: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelResult<C>>;
  /** Closes the core and deletes its folder, unless `keepData` (to reopen it, as after a restart). */
  close: (options?: { keepData?: boolean }) => void;
}

/** What a test may set: the host's ports and tunables, or an existing `dataDir` to reopen. */
export type CoreHarnessOptions = Partial<Omit<AppCoreOptions, 'secretStore'>>;

/**
 * A real core (real SQLite file in a temp folder) for tests that go through the router: the
 * browser host unless `options` say otherwise.
 */
export function startCore(options: CoreHarnessOptions = {}): CoreHarness {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bucket-admin-core-'));
  const core = createAppCore({
    secretStore: new KeyFileSecretStore(join(dataDir, 'dev-secret.key')),
    host: 'browser',
    version: 'test',
    logger: silentLogger,
    ...options,
    dataDir,
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    (await core.router.handle(channel, input)) as Result<ChannelResult<C>>;
  return {
    core,
    dataDir,
    call,
    async value(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    close({ keepData = false } = {}) {
      core.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
