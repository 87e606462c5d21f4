import type { EventName, EventPayload } from '../../shared/contract';
import type { SecretStore } from './connections/secret-store';
import type { Logger } from './logger';
import type { Router } from './router';

export interface AppCoreOptions {
  /** Folder for the SQLite file and logs. */
  dataDir: string;
  secretStore: SecretStore;
  host: 'electron' | 'browser';
  version: string;
  logger: Logger;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Everything a host needs: the router to serve, events to forward, and shutdown. */
export interface AppCore {
  router: Router;
  onEvent(listener: EventListener): () => void;
  close(): void;
}
