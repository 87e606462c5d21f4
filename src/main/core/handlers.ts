import type { AppInfo } from '../../shared/model/app';
import { createAppHandlers } from './app/app-handlers';
import type { DragOutFiles } from './app/drag-out-files';
import type { LogsPort } from './app/logs-port';
import type { ProblemEntry } from './app/recent-problems';
import { createSettingsHandlers } from './settings/setting-handlers';
import type { SettingsService } from './settings/settings-service';
import { createAuditHandlers } from './audit/audit-handlers';
import type { AuditService } from './audit/audit-service';
import type { BucketCapabilities } from './access/capabilities';
import type { BucketHealthService } from './access/health/bucket-health-service';
import { createBrowseHandlers } from './browse/browse-handlers';
import { createBucketHandlers } from './buckets/bucket-handlers';
import { createConnectionHandlers } from './connections/connection-handlers';
import type { ConnectionsService } from './connections/connections-service';
import { createDialogHandlers } from './dialogs/dialog-handlers';
import { createDemoHandlers } from './demo/demo-handlers';
import type { DemoService } from './demo/demo-service';
import type { DialogPort } from './dialogs/dialog-port';
import type { LocalGrants } from './files/local-grants';
import { createIndexHandlers } from './index/index-handlers';
import type { InventoryImportService } from './index/inventory/inventory-import-service';
import type { IndexSyncService } from './index/index-sync-service';
import { createJobHandlers } from './jobs/job-handlers';
import type { JobService } from './jobs/job-service';
import type { BulkEditService } from './objects/bulk/bulk-edit-service';
import { createObjectHandlers } from './objects/object-handlers';
import type { Handlers } from './router';
import { createShareHandlers } from './share/share-handlers';
import type { ShareService } from './share/share-service';
import { createTransferHandlers } from './transfers/transfer-handlers';
import type { TransferService } from './transfers/transfer-service';

export interface HandlerDeps {
  info: AppInfo;
  /** Settles once start-up work that may add to `info.notices` (opening the object index) is done. */
  startup: Promise<void>;
  connections: ConnectionsService;
  jobs: JobService;
  capabilities: BucketCapabilities;
  /** Bucket health: the capability probe, its answer, and the panel's fixes. */
  health: BucketHealthService;
  share: ShareService;
  transfers: TransferService;
  dialogs: DialogPort;
  grants: LocalGrants;
  demo: DemoService;
  audit: AuditService;
  indexSync: IndexSyncService;
  settings: SettingsService;
  logs: LogsPort;
  /** The last warnings and errors logged, for the diagnostic report. */
  recentProblems: () => ProblemEntry[];
  bulk: BulkEditService;
  inventoryImport: InventoryImportService;
  dragOut: Pick<DragOutFiles, 'handle'>;
}

/**
 * The handler table: every contract channel, gathered from each domain's handler file. A channel
 * `domain:verb` is declared in `shared/channels/<domain>-channels.ts` and handled in
 * `core/<domain>/<domain>-handlers.ts` (singular file names: `jobs:cancel` → `job-handlers.ts`).
 */
export function createHandlers({
  info,
  startup,
  connections,
  capabilities,
  health,
  jobs,
  share,
  transfers,
  dialogs,
  grants,
  demo,
  audit,
  indexSync,
  settings,
  logs,
  recentProblems,
  bulk,
  inventoryImport,
  dragOut,
}: HandlerDeps): Handlers {
  return {
    ...createAppHandlers({ info, startup, logs, recentProblems, settings, connections, dragOut }),
    ...createJobHandlers(jobs),
    ...createConnectionHandlers(connections),
    ...createBucketHandlers(connections, health),
    ...createBrowseHandlers({ connections, jobs, capabilities, rootDefaults: (id) => transfers.getDefaults(id) }),
    ...createObjectHandlers({ connections, capabilities, bulk, dialogs }),
    ...createShareHandlers(share),
    ...createTransferHandlers(transfers),
    ...createDialogHandlers(dialogs, grants),
    ...createDemoHandlers(demo),
    ...createAuditHandlers(audit),
    ...createIndexHandlers(indexSync, inventoryImport),
    ...createSettingsHandlers(settings),
  };
}
