import type { SqlDatabase } from '../store/sql-port';
import { AppError } from '../../../shared/errors';
import type {
  ConflictAction,
  InterruptedSummary,
  ResolvedUploadOptions,
  TransferListResult,
  TransferState,
  UploadDefaultsSettings,
  UploadOverrides,
} from '../../../shared/model/transfer';
import type { BucketCapabilities } from '../access/capabilities';
import { ConnectionSettings } from '../connections/connection-settings';
import type { ConnectionsService } from '../connections/connections-service';
import type { LocalGrants } from '../files/local-grants';
import type { Logger } from '../logger';
import type { EventSink } from '../router';
import { buildDownloadBatch, buildUploadBatch, type ConflictAnswers } from './plan/batch-builder';
import { planDownload, type DownloadPlanData, type DownloadPlanRequest } from './plan/download-planner';
import type { TransferEngineOptions } from './queue/engine-options';
import { PlanStore } from './plan/plan-store';
import { ProgressReporter } from './queue/progress-reporter';
import { StagingJanitor } from './queue/staging-janitor';
import { TransferClients } from './client/transfer-client';
import { TransferJournal } from './journal/transfer-journal';
import { TransferQueue } from './queue/transfer-queue';
import { TransferRegistry } from './queue/transfer-registry';
import { TransferSettings } from './plan/transfer-settings';
import { toItemView } from './queue/transfer-views';
import { resolveUploadOptions } from './plan/upload-options';
import { planUpload, type UploadPlanData, type UploadPlanRequest } from './plan/upload-planner';
import { listPage } from './queue/transfer-list';
import { statSync } from 'node:fs';
import { bandwidthBytesPerSecond, type AppSettings } from '../../../shared/model/settings';
import { MiB } from '../s3/part-size';
import { BandwidthBucket } from './queue/bandwidth-bucket';

export interface TransferServiceDeps {
  db: SqlDatabase;
  connections: ConnectionsService;
  /** What each bucket can do (ACLs), shared with browse's copies. */
  capabilities: BucketCapabilities;
  emit: EventSink;
  logger: Logger;
  options: TransferEngineOptions;
  /** What the user picked, dropped or chose as a download folder: nothing else is read or written. */
  grants: LocalGrants;
  /** Where the browser host stages dropped files; they are removed once uploaded. */
  stagingDir?: string;
}

/**
 * The transfers domain: plans (walk, list, find conflicts, show defaults), one queue for uploads
 * and downloads, and what a previous run left unfinished (offered for resume).
 */
export class TransferService {
  private readonly journal: TransferJournal;
  private readonly connectionSettings: ConnectionSettings;
  private readonly settings: TransferSettings;
  private readonly clients: TransferClients;
  private readonly registry = new TransferRegistry();
  private readonly reporter: ProgressReporter;
  private readonly queue: TransferQueue;
  private readonly uploadPlans = new PlanStore<UploadPlanData>();
  private readonly downloadPlans = new PlanStore<DownloadPlanData>();
  private readonly janitor: StagingJanitor | undefined;
  private readonly shutdown = new AbortController();
  /** The one bandwidth limit of the queue (Settings), shared by uploads and downloads. */
  private readonly limiter = new BandwidthBucket();
  private readonly deps: TransferServiceDeps;
  /** The part size "Automatic" means (the engine's, or a test's smaller one). */
  private readonly basePartSize: number;

  constructor(deps: TransferServiceDeps) {
    // The engine's options are this service's own copy: Settings change them while it runs.
    this.deps = { ...deps, options: { ...deps.options } };
    const { options } = this.deps;
    this.basePartSize = options.preferredPartSize;
    this.journal = new TransferJournal(deps.db);
    this.connectionSettings = new ConnectionSettings(deps.db);
    this.settings = new TransferSettings(this.connectionSettings);
    this.clients = new TransferClients(deps.connections, {
      stallTimeoutMs: options.stallTimeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
      maxSockets: options.maxConcurrentRequests + 8,
    });
    this.reporter = new ProgressReporter(this.registry, deps.emit, options.progressIntervalMs, () => this.queue.activeCount > 0);
    this.janitor = deps.stagingDir ? new StagingJanitor(deps.stagingDir, deps.logger) : undefined;
    this.queue = new TransferQueue({
      options,
      registry: this.registry,
      reporter: this.reporter,
      journal: this.journal,
      clients: this.clients,
      capabilities: deps.capabilities,
      logger: deps.logger,
      limiter: this.limiter,
      ...(this.janitor ? { onSettled: (item) => this.janitor?.release(item) } : {}),
    });
    this.restore();
  }

  /**
   * What a previous run left: items that were moving wait as `interrupted` until the user decides;
   * what the user paused stays paused (a restart does not change their decision) and failures stay failed.
   */
  private restore(): void {
    const { batches, items } = this.journal.loadUnfinished();
    for (const item of items) {
      if (item.state !== 'failed' && item.state !== 'paused') item.state = 'interrupted';
    }
    for (const batch of batches) {
      const own = items.filter((i) => i.batchId === batch.id);
      batch.announced = own.every((i) => i.state === 'failed');
      this.registry.addBatch(batch, own);
    }
    this.janitor?.sweep(items);
  }

  defaults(connectionId: string, bucket: string, prefix: string, overrides?: UploadOverrides): ResolvedUploadOptions {
    const { record } = this.deps.connections.resolve(connectionId);
    return resolveUploadOptions(
      prefix,
      record.roots,
      this.settings.uploadDefaults(connectionId),
      this.deps.capabilities.aclSupport(connectionId, bucket),
      overrides,
    );
  }

  getDefaults(connectionId: string): UploadDefaultsSettings {
    this.deps.connections.resolve(connectionId);
    return this.settings.uploadDefaults(connectionId);
  }

  setDefaults(connectionId: string, settings: UploadDefaultsSettings): UploadDefaultsSettings {
    this.deps.connections.resolve(connectionId);
    return this.settings.setUploadDefaults(connectionId, settings);
  }

  /** Plans an upload of paths the user picked or dropped; any other path is refused before it is touched. */
  async planUpload(req: UploadPlanRequest) {
    const paths = await this.deps.grants.checkRead(req.paths);
    const plan = await planUpload(
      { ...req, paths },
      { clients: this.clients, settings: this.settings, capabilities: this.deps.capabilities, options: this.deps.options },
      this.shutdown.signal,
    );
    this.uploadPlans.put(plan);
    return plan.view;
  }

  startUpload(
    planId: string,
    conflict: ConflictAction,
    choices: Array<{ name: string; action: ConflictAction }> = [],
    overrides?: UploadOverrides,
  ) {
    const plan = this.uploadPlans.take(planId);
    const options = overrides ? this.defaults(plan.connectionId, plan.bucket, plan.prefix, { ...overrides }) : plan.options;
    const { batch, items } = buildUploadBatch(plan, answers(conflict, choices), options);
    return this.enqueue(batch, items);
  }

  async planDownload(req: DownloadPlanRequest) {
    if (!(await this.deps.grants.allowsWrite(req.destination))) {
      throw new AppError(
        'Forbidden',
        'Downloads go only into a folder chosen with “Choose folder” in this session. Choose the folder again.',
        { destination: req.destination },
      );
    }
    let isDir: boolean;
    try {
      isDir = statSync(req.destination).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir)
      throw new AppError('NotFound', `The folder ${req.destination} does not exist any more. Choose another folder.`, {
        destination: req.destination,
      });
    const plan = await planDownload(req, this.clients, this.deps.options, this.shutdown.signal);
    this.downloadPlans.put(plan);
    return plan.view;
  }

  startDownload(planId: string, conflict: ConflictAction, choices: Array<{ name: string; action: ConflictAction }> = []) {
    const plan = this.downloadPlans.take(planId);
    const { batch, items } = buildDownloadBatch(plan, answers(conflict, choices));
    return this.enqueue(batch, items);
  }

  list(filter: { batchId?: string; states?: TransferState[]; offset?: number; limit?: number }): TransferListResult {
    return listPage(this.registry, this.reporter, filter);
  }

  interrupted(): InterruptedSummary {
    const batches = this.registry.batchesNewestFirst().filter((r) => r.counts.interrupted > 0);
    let itemCount = 0;
    let bytesLeft = 0;
    for (const record of batches) {
      for (const id of record.ids) {
        const item = this.registry.items.get(id);
        if (item?.state !== 'interrupted') continue;
        itemCount += 1;
        bytesLeft += item.size - item.bytesDone;
      }
    }
    return { batches: batches.map((r) => this.reporter.batchView(r)), itemCount, bytesLeft };
  }

  get control() {
    return this.queue;
  }

  /**
   * Applies the engine's part of the app settings while transfers run: the bandwidth limit at
   * once (requests waiting for bytes book again at the new rate), the number of files at once
   * from the next start (a lower one lets running files finish), the part size for uploads not
   * yet started (a started one keeps its journaled part size). Only the keys given change.
   */
  applySettings(settings: Partial<Pick<AppSettings, 'parallelTransfers' | 'partSizeMiB' | 'bandwidthLimitMiBps'>>): void {
    const { options } = this.deps;
    if (settings.bandwidthLimitMiBps !== undefined)
      this.limiter.setRate(bandwidthBytesPerSecond({ bandwidthLimitMiBps: settings.bandwidthLimitMiBps }));
    if (settings.partSizeMiB !== undefined)
      options.preferredPartSize = settings.partSizeMiB === 'auto' ? this.basePartSize : settings.partSizeMiB * MiB;
    if (settings.parallelTransfers !== undefined) {
      options.maxActiveFiles = settings.parallelTransfers;
      this.queue.wake();
    }
  }

  /** One item's current view (tests and the panel's detail pane). */
  item(id: string) {
    const item = this.registry.items.get(id);
    return item ? toItemView(item, this.reporter.itemSpeed(id)) : undefined;
  }

  close(): void {
    this.shutdown.abort();
    this.queue.close();
    this.reporter.close();
    this.journal.close();
    this.connectionSettings.close();
    this.clients.close();
  }

  private enqueue(batch: Parameters<TransferQueue['add']>[0], items: Parameters<TransferQueue['add']>[1]) {
    this.journal.insertBatch(batch, items);
    this.queue.add(batch, items);
    const skipped = items.filter((i) => i.state === 'skipped').length;
    for (const item of items) if (item.state === 'skipped') this.janitor?.release(item);
    return { batchId: batch.id, queued: items.length - skipped, skipped };
  }
}

function answers(conflict: ConflictAction, choices: Array<{ name: string; action: ConflictAction }>): ConflictAnswers {
  return { conflict, choices: new Map(choices.map((c) => [c.name, c.action])) };
}
