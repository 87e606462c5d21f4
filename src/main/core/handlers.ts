import type { AppInfo } from '../../shared/model/app';
import { listFolderPage } from './browse/folder-lister';
import { listBuckets } from './buckets/bucket-lister';
import { testConnection } from './connections/connection-tester';
import type { ConnectionsService } from './connections/connections-service';
import { listProfiles } from './connections/credential-source';
import type { JobRegistry } from './jobs/job-registry';
import type { Handlers } from './router';

export interface HandlerDeps {
  info: AppInfo;
  connections: ConnectionsService;
  jobs: JobRegistry;
}

/** The handler table: each contract channel mapped to one service call, nothing more. */
export function createHandlers({ info, connections, jobs }: HandlerDeps): Handlers {
  return {
    'app:info': () => Promise.resolve(info),
    'connections:list': () => Promise.resolve(connections.list()),
    'connections:add': (draft) => Promise.resolve(connections.add(draft)),
    'connections:update': ({ id, draft }) => Promise.resolve(connections.update(id, draft)),
    'connections:remove': ({ id }) => Promise.resolve({ removed: connections.remove(id) }),
    'connections:test': (input) =>
      testConnection('draft' in input ? connections.resolveDraft(input.draft, input.id) : connections.resolve(input.id)),
    'connections:profiles': () => listProfiles(),
    'buckets:list': ({ connectionId }) => listBuckets(connections.resolve(connectionId)),
    'browse:list': ({ connectionId, ...req }) => listFolderPage(connections.resolve(connectionId), req),
    'jobs:cancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
  };
}
