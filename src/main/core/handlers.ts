import type { AppInfo } from '../../shared/model/app';
import { createBrowseHandlers } from './browse/browse-handlers';
import { createConnectionHandlers } from './connections/connection-handlers';
import type { ConnectionsService } from './connections/connections-service';
import type { JobRegistry } from './jobs/job-registry';
import type { Logger } from './logger';
import type { Handlers } from './router';
import { createShareHandlers } from './share/share-handlers';
import { createDialogHandlers } from './dialogs/dialog-handlers';
import { createDemoHandlers } from './demo/demo-handlers';
import type { DemoService } from './demo/demo-service';
import type { DialogPort } from './dialogs/dialog-port';
import type { LocalGrants } from './files/local-grants';
import { createTransferHandlers } from './transfers/transfer-handlers';
import type { TransferService } from './transfers/transfer-service';
import type { ShareService } from './share/share-service';

export interface HandlerDeps {
  info: AppInfo;
  connections: ConnectionsService;
  jobs: JobRegistry;
  share: ShareService;
  logger: Logger;
  transfers: TransferService;
  dialogs: DialogPort;
  grants: LocalGrants;
  demo: DemoService;
}

/** The handler table: every contract channel, gathered from each domain's handler file. */
export function createHandlers({ info, connections, jobs, share, logger, transfers, dialogs, grants, demo }: HandlerDeps): Handlers {
  return {
    'app:info': () => Promise.resolve(info),
    'jobs:cancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
    ...createConnectionHandlers(connections),
    ...createBrowseHandlers({ connections, jobs, logger }),
    ...createShareHandlers(share),
    ...createTransferHandlers(transfers),
    ...createDialogHandlers(dialogs, grants),
    ...createDemoHandlers(demo),
  };
}
