import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import type { AppInfo } from '../../shared/model/app';
import { BucketCapabilities } from './access/capabilities';
import { WindowStateStore } from './app/window-state-store';
import { BucketHealthService } from './access/health/bucket-health-service';
import { FixUndoStore } from './access/health/fix-undo-store';
import { AuditService } from './audit/audit-service';
import type { AppCore, AppCoreOptions, EventListener } from './app-core-types';
import { ConnectionRepository } from './connections/connection-repository';
import { ConnectionsService } from './connections/connections-service';
import { openObject } from './browse/object-stream';
import { DemoService } from './demo/demo-service';
import { createHandlers } from './handlers';
import { JobService } from './jobs/job-service';
import { indexFileName, indexStartupNotice } from './index/index-file';
import { IndexSyncService } from './index/index-sync-service';
import { InventoryImportService } from './index/inventory/inventory-import-service';
import { startIndexStore } from './index/index-store';
import { ObjectIndex } from './index/object-index';
import { BulkEditService } from './objects/bulk/bulk-edit-service';
import { createRouter } from './router';
import { ShareService } from './share/share-service';
import { closeDatabase } from './store/database';
import { openStateDatabase } from './store/state-file';
import { noDialogs } from './dialogs/dialog-port';
import { LocalGrants } from './files/local-grants';
import { defaultEngineOptions } from './transfers/queue/engine-options';
import { TransferService } from './transfers/transfer-service';
import { noLogsFolder } from './app/logs-port';
import { recordProblems } from './app/recent-problems';
import { followThemeSetting } from './app/theme-port';
import { DragOutFiles, dragOutRoot, sweepStaleRuns } from './app/drag-out-files';
import { SettingsService } from './settings/settings-service';

/** How the data folder moves when the host does not say: both hosts read this variable. */
const defaultDataFolderHint =
  'Set BUCKET_ADMIN_DATA_DIR to another folder before starting the app (quit first; copy the folder to keep your connections).';

/** Where the browser host stages dropped files (`POST /__stage`): the only part of the data folder uploads may read. */
export function stagingDirOf(dataDir: string): string {
  return join(dataDir, 'staging');
}

/** This run's folder for files prepared for dragging out; runs that crashed a day ago or more are swept first. */
function dragOutRunDir(): string {
  const root = dragOutRoot(tmpdir());
  sweepStaleRuns(root, 24 * 60 * 60_000);
  return join(root, `run-${process.pid}-${Date.now()}`);
}

/** Wires the Electron-free core: store, services, router. Both hosts call this and nothing else. */
export function createAppCore(options: AppCoreOptions): AppCore {
  const { dataDir } = options;
  // Every service logs through this one: the last warnings and errors feed the diagnostic report.
  const problems = recordProblems(options.logger);
  const { logger } = problems;
  const logs = options.logs ?? noLogsFolder;
  const notices: string[] = [];
  const db = openStateDatabase({
    dataDir,
    logger,
    // The app keeps working on a fresh file; the user is told once, on the next screen.
    onRecovered: (notice) => notices.push(notice.message),
  });
  // The index opens in its worker meanwhile; `app:info` waits for it, so its notice is not missed.
  const index = startIndexStore({ file: join(dataDir, indexFileName), logger });
  const indexOpened = index.opened.then((result) => {
    const notice = indexStartupNotice(result);
    if (notice !== null) notices.push(notice);
  });
  const objectIndex = new ObjectIndex(index);
  const connections = new ConnectionsService(new ConnectionRepository(db), options.secretStore, logger);
  const settings = new SettingsService({
    db,
    dataFolder: { path: dataDir, howToChange: options.dataFolderHint ?? defaultDataFolderHint },
    logsLocation: logs.location,
  });
  connections.onRemoved((id) => {
    objectIndex
      .forgetConnection(id)
      .catch((error: unknown) => logger.warn('Could not drop a removed connection from the object index', { id, error }));
  });
  const capabilities = new BucketCapabilities(db);
  const health = new BucketHealthService(connections, capabilities, new FixUndoStore(db));
  const dialogs = options.dialogs ?? noDialogs;
  const share = new ShareService({
    db,
    connections,
    dialogs,
    defaultExpirySeconds: () => settings.settings.defaultLinkExpirySeconds,
    ...(options.clipboard ? { clipboard: options.clipboard } : {}),
  });
  const bus = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => bus.emit('event', event, payload);
  const jobs = new JobService({ db, emit, logger });
  const indexSync = new IndexSyncService({
    store: index,
    jobs,
    connections,
    emit: (progress) => emit('index:progress', progress),
    logger,
    ...(options.indexSyncTuning ? { tuning: options.indexSyncTuning } : {}),
  });
  const bulk = new BulkEditService({ connections, capabilities, jobs, dataDir, ...options.bulk });
  const grants = new LocalGrants();
  const inventoryImport = new InventoryImportService({
    store: index,
    jobs,
    connections,
    grants,
    claims: indexSync.claims,
    tempDir: join(dataDir, 'inventory-download'),
    emit: (progress) => emit('index:progress', progress),
    ...(options.indexImportTuning ? { tuning: options.indexImportTuning } : {}),
  });
  // A first sync the app quit in and that will not be resumed left its bucket without a name index (and the index without its others).
  void indexSync.syncs
    .settleDeferredIndexes(new Set(jobs.interrupted().map((job) => job.jobId)))
    .catch((error: unknown) => logger.warn('Could not build the object index’s pending indexes', { error: String(error) }));
  const info: AppInfo = {
    version: options.version,
    host: options.host,
    dataDir,
    platform: process.platform,
    notices,
    previewBase: options.previewBase ?? '',
    dragOut: { supported: false, reason: '' }, // set below, once the transfer engine exists
  };
  const stagingDir = stagingDirOf(dataDir);
  if (options.host === 'browser') {
    // Staged files are copies of what the page dropped. Only this folder is granted, never the
    // rest of the data folder, which holds the database and the browser host's key file.
    mkdirSync(stagingDir, { recursive: true });
    grants.grantRead(stagingDir);
  }
  const transfers = new TransferService({
    db,
    connections,
    capabilities,
    emit,
    logger,
    grants,
    options: { ...defaultEngineOptions, ...options.transfers },
    stagingDir,
  });
  // Settings apply without a restart: what the user changed from the defaults now, each change as it is saved.
  transfers.applySettings(settings.stored());
  settings.onChange((changed) => transfers.applySettings(changed));
  if (options.theme) followThemeSetting(settings, options.theme);
  const dragOut = new DragOutFiles({
    transfers,
    grants,
    onBatchFinished: (listener) => {
      const forward = (event: EventName, payload: unknown) => {
        if (event === 'transfers:batchFinished') listener((payload as EventPayload<'transfers:batchFinished'>).batch);
      };
      bus.on('event', forward);
      return () => bus.off('event', forward);
    },
    ...(options.dragOut ? { port: options.dragOut } : {}),
    tempDir: options.dragOutDir ?? dragOutRunDir(),
    logger,
  });
  info.dragOut = dragOut.support;
  const demo = new DemoService({
    connections,
    ...(options.demoGateway ? { gateway: options.demoGateway } : {}),
    dir: join(dataDir, 'demo'),
    emit: (payload) => emit('demo:progress', payload),
    logger,
  });
  const audit = new AuditService({ index, connections, capabilities, dialogs, jobs });
  const router = createRouter(
    createHandlers({
      info,
      startup: indexOpened,
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
      recentProblems: problems.recent,
      bulk,
      inventoryImport,
      dragOut,
    }),
    logger,
  );
  const windowState = new WindowStateStore(db);
  return {
    // Every event, whoever emits it, goes through one bus that each host forwards.
    router: { channels: router.channels, handle: (channel, input) => router.handle(channel, input, { emit }) },
    objects: { open: (request) => openObject(connections, request) },
    localFiles: { grantDropped: (path) => grants.grantRead(path) },
    onEvent(listener: EventListener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    windowState: { load: () => windowState.load(), save: (state) => windowState.save(state) },
    setPreviewBase(base) {
      info.previewBase = base;
    },
    close() {
      demo.close();
      jobs.close();
      transfers.close();
      dragOut.close(); // after the engine stopped writing into its folder
      connections.close();
      capabilities.close();
      index.close();
      closeDatabase(db);
    },
  };
}
