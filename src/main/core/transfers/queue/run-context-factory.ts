import type { Semaphore } from '../../../../shared/concurrency';
import type { BucketCapabilities } from '../../access/capabilities';
import type { Logger } from '../../logger';
import type { TransferEngineOptions } from './engine-options';
import type { ProgressReporter } from './progress-reporter';
import type { RunContext } from './run-context';
import type { KeyLocks } from './key-locks';
import type { BandwidthBucket } from './bandwidth-bucket';
import type { TransferClients } from '../client/transfer-client';
import type { TransferJournal } from '../journal/transfer-journal';
import type { TransferRegistry } from './transfer-registry';

export interface RunContextDeps {
  options: TransferEngineOptions;
  registry: TransferRegistry;
  reporter: ProgressReporter;
  journal: TransferJournal;
  clients: TransferClients;
  capabilities: BucketCapabilities;
  logger: Logger;
  /** The queue's one bandwidth limiter, shared by uploads and downloads. */
  limiter: BandwidthBucket;
}

/** The queue's side of a runner: byte counts and state changes go to the registry and the progress events. */
export function createRunContext(deps: RunContextDeps, slots: Semaphore, keyLocks: KeyLocks, signal: AbortSignal): RunContext {
  const { registry, reporter, options, clients, journal, capabilities, logger, limiter } = deps;
  return {
    signal,
    throttle: { limiter, signal },
    options,
    clients,
    journal,
    capabilities,
    slots,
    destinationOf: (item) => registry.batchOf(item)?.batch.destination,
    keyLocks,
    addBytes: (item, delta) => {
      registry.addBytes(item, delta);
      if (delta > 0 && item.phase === 'retrying') item.phase = 'transferring';
      reporter.touch(item);
    },
    resize: (item, size) => {
      registry.resize(item, size);
      reporter.touch(item);
    },
    touch: (item) => reporter.touch(item),
    retrying: (item, error) => {
      item.attempts += 1;
      item.phase = 'retrying';
      reporter.touch(item);
      logger.info('Retrying a transfer request', { id: item.id, attempt: item.attempts, error });
    },
  };
}
