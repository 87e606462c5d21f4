import type { AppInfo } from '../../shared/model/app';
import { createBrowseHandlers } from './browse/browse-handlers';
import { createConnectionHandlers } from './connections/connection-handlers';
import type { ConnectionsService } from './connections/connections-service';
import type { JobRegistry } from './jobs/job-registry';
import type { Handlers } from './router';

export interface HandlerDeps {
  info: AppInfo;
  connections: ConnectionsService;
  jobs: JobRegistry;
}

/** The handler table: every contract channel, gathered from each domain's handler file. */
export function createHandlers({ info, connections, jobs }: HandlerDeps): Handlers {
  return {
    'app:info': () => Promise.resolve(info),
    'jobs:cancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
    ...createConnectionHandlers(connections),
    ...createBrowseHandlers(connections),
  };
}
