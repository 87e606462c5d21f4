import type { AppCore } from '../../../../src/main/core/app-core-types';
import type { DialogPort } from '../../../../src/main/core/dialogs/dialog-port';
import type { TransferEngineOptions } from '../../../../src/main/core/transfers/queue/engine-options';
import { MiB } from '../../../../src/main/core/s3/part-size';
import type { Channel, ChannelInput, ChannelResult, EventName, EventPayload } from '../../../../src/shared/contract';
import type { TransferEngine } from '../../../../src/shared/model/connection';
import type { TransferBatchView, TransferItemView } from '../../../../src/shared/model/transfer';
import type { Result } from '../../../../src/shared/result';
import { startCore } from '../../../support/core-harness';
import type { GatewayHandle } from '../../../support/s3-test-env';

/** Small parts and short waits so multipart, retries and stalls happen within a test's time. */
export const testEngineOptions: Partial<TransferEngineOptions> = {
  preferredPartSize: 5 * MiB,
  multipartThreshold: 8 * MiB,
  rangedDownloadThreshold: 8 * MiB,
  downloadRangeSize: 5 * MiB,
  retry: { maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 500 },
  stallTimeoutMs: 2_000,
  connectTimeoutMs: 3_000,
  progressIntervalMs: 50,
};

export interface TransferHarness {
  core: AppCore;
  dataDir: string;
  connectionId: string;
  events: Array<{ event: EventName; payload: unknown; at: number }>;
  /** Grants paths as if the user dropped them onto the window (what Electron's preload reports). */
  drop(...paths: string[]): void;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>>;
  value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  /** Resolves with the batch once nothing in it is left to run (or rejects after `timeoutMs`). */
  settled(batchId: string, timeoutMs?: number): Promise<{ batch: TransferBatchView; items: TransferItemView[] }>;
  /** Resolves once `test` holds for the list, polling every 50 ms. */
  until<T>(test: () => Promise<T | undefined>, what: string, timeoutMs?: number): Promise<T>;
  close(options?: { keepData?: boolean }): void;
}

export interface HarnessOptions {
  gw: GatewayHandle;
  /** Endpoint to reach the gateway through (a fault proxy); the gateway's own by default. */
  endpoint?: string;
  dataDir?: string;
  transfers?: Partial<TransferEngineOptions>;
  dialogs?: DialogPort;
  checksumCompatibility?: boolean;
  /** The connection's transfer engine (`fast` unless given). */
  transferEngine?: TransferEngine;
  /** Reuse a connection already saved in `dataDir`. */
  connectionId?: string;
}

/** A real core (SQLite in a temp folder) with a connection to the test gateway. */
export async function startTransferCore(options: HarnessOptions): Promise<TransferHarness> {
  const { core, dataDir, call, value, close } = startCore({
    transfers: { ...testEngineOptions, ...options.transfers },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.dialogs ? { dialogs: options.dialogs } : {}),
  });
  const events: TransferHarness['events'] = [];
  core.onEvent(<E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload, at: performance.now() }));
  const connectionId =
    options.connectionId ??
    (
      await value('connections:add', {
        name: 'Gateway',
        credentials: { kind: 'keys', accessKeyId: options.gw.accessKeyId, secretAccessKey: options.gw.secretAccessKey },
        endpoint: options.endpoint ?? options.gw.endpoint,
        forcePathStyle: true,
        checksumCompatibility: options.checksumCompatibility ?? true,
        ...(options.transferEngine ? { transferEngine: options.transferEngine } : {}),
      })
    ).id;
  const until = async <T>(test: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await test();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    core,
    dataDir,
    connectionId,
    events,
    drop: (...paths) => {
      for (const p of paths) core.localFiles.grantDropped(p);
    },
    call,
    value,
    until,
    settled: (batchId, timeoutMs = 60_000) =>
      until(
        async () => {
          const page = await value('transfers:list', { batchId, limit: 1000 });
          const batch = page.batches[0];
          if (!batch) return undefined;
          const c = batch.counts;
          return c.active + c.queued + c.paused + c.interrupted === 0 ? { batch, items: page.items } : undefined;
        },
        `batch ${batchId} to settle`,
        timeoutMs,
      ),
    close,
  };
}
