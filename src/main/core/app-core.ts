import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import type { AppCore, AppCoreOptions, EventListener } from './app-core-types';
import { ConnectionRepository } from './connections/connection-repository';
import { ConnectionsService } from './connections/connections-service';
import { createHandlers } from './handlers';
import { JobRegistry } from './jobs/job-registry';
import { createRouter } from './router';
import { closeDatabase, openDatabase } from './store/database';
import { migrations } from './store/migrations';

export const databaseFileName = 'bucket-admin.sqlite';

/** Wires the Electron-free core: store, services, router. Both hosts call this and nothing else. */
export function createAppCore(options: AppCoreOptions): AppCore {
  const { dataDir, logger } = options;
  const notices: string[] = [];
  const db = openDatabase({
    file: join(dataDir, databaseFileName),
    migrations,
    logger,
    onCorrupt: 'backup-and-recreate',
    // The app keeps working on a fresh file; the user is told once, on the next screen.
    onRecovered: (notice) => notices.push(notice.message),
  });
  const connections = new ConnectionsService(new ConnectionRepository(db), options.secretStore);
  const jobs = new JobRegistry();
  const bus = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => bus.emit('event', event, payload);
  const info = { version: options.version, host: options.host, dataDir, platform: process.platform, notices };
  const router = createRouter(createHandlers({ info, connections, jobs }), logger);
  return {
    // Every event, whoever emits it, goes through one bus that each host forwards.
    router: { channels: router.channels, handle: (channel, input) => router.handle(channel, input, { emit }) },
    onEvent(listener: EventListener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    close() {
      jobs.cancelAll();
      connections.close();
      closeDatabase(db);
    },
  };
}
