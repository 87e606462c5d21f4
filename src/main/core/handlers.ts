import type { AppInfo } from '../../shared/model/app';
import type { BucketCapabilities } from './access/capabilities';
import { createBrowseHandlers } from './browse/browse-handlers';
import { createConnectionHandlers } from './connections/connection-handlers';
import type { ConnectionsService } from './connections/connections-service';
import type { JobRegistry } from './jobs/job-registry';
import type { Logger } from './logger';
import type { Handlers } from './router';
import { createShareHandlers } from './share/share-handlers';
import { createDialogHandlers } from './dialogs/dialog-handlers';
import type { DialogPort } from './dialogs/dialog-port';
import type { LocalGrants } from './files/local-grants';
import { createTransferHandlers } from './transfers/transfer-handlers';
import type { TransferService } from './transfers/transfer-service';
import type { ShareService } from './share/share-service';

export interface HandlerDeps {
  info: AppInfo;
  /** Settles once start-up work that may add to `info.notices` (opening the object index) is done. */
  startup: Promise<void>;
  connections: ConnectionsService;
  capabilities: BucketCapabilities;
  jobs: JobRegistry;
  share: ShareService;
  logger: Logger;
  transfers: TransferService;
  dialogs: DialogPort;
  grants: LocalGrants;
}

/** The handler table: every contract channel, gathered from each domain's handler file. */
export function createHandlers({ info, startup, connections, capabilities, jobs, share, logger, transfers, dialogs, grants }: HandlerDeps): Handlers {
  return {
    'app:info': async () => {
      await startup;
      return info;
    },
    'jobs:cancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
    ...createConnectionHandlers(connections),
    ...createBrowseHandlers({ connections, jobs, logger, capabilities }),
    ...createShareHandlers(share),
    ...createTransferHandlers(transfers),
    ...createDialogHandlers(dialogs, grants),
  };
}
