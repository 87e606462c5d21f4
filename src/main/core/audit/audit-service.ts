import { AppError } from '../../../shared/errors';
import type {
  AuditExportResult,
  AuditStatus,
  DeepScanPlan,
  IndexedBucket,
  IndexedObject,
  IndexedSync,
  ReportId,
  ReportPage,
  ReportParams,
  ReportRow,
  SearchPage,
  SearchQuery,
  SnapshotFolderPage,
} from '../../../shared/model/audit';
import type { JobStarted } from '../../../shared/model/job';
import type { BucketCapabilities } from '../access/capabilities';
import type { ConnectionsService, ResolvedConnection } from '../connections/connections-service';
import type { DialogPort } from '../dialogs/dialog-port';
import { searchIndexedObjects, type SearchScope } from '../index/index-search';
import type { IndexStore } from '../index/index-store';
import { indexReports } from '../index/reports/report-registry';
import { SnapshotRepository } from '../index/snapshot-repository';
import type { JobService } from '../jobs/job-service';
import { exportView, searchColumns, type ExportSource } from './audit-export';
import { planDeepScan, runDeepScan } from './deep-scan';
import { abortUploads, multipartReport } from './multipart-uploads';
import { OnlineMonitor } from './online-monitor';

/** What the audit needs. */
export interface AuditDeps {
  index: IndexStore;
  connections: ConnectionsService;
  capabilities: BucketCapabilities;
  dialogs: DialogPort;
  jobs: JobService;
  now?: () => Date;
}

type Page = { offset: number; limit: number };

/**
 * The audit of a bucket: search, reports and exports over the object index (they read only the
 * index, so they work offline), the snapshot's folders, and the few actions that need S3 (the
 * multipart report and its abort, deep scan), each refused with the reason while offline.
 */
export class AuditService {
  private readonly monitor: OnlineMonitor;
  private readonly now: () => Date;

  constructor(private readonly deps: AuditDeps) {
    this.now = deps.now ?? (() => new Date());
    this.monitor = new OnlineMonitor(this.now);
  }

  /** Reachability of the connection's server, and what the index holds for it. */
  async status(connectionId: string, bucket?: string): Promise<AuditStatus> {
    const connection = this.deps.connections.resolve(connectionId);
    const [reach, buckets] = await Promise.all([this.monitor.check(connection, bucket), this.indexedBuckets(connectionId)]);
    return { ...reach, buckets };
  }

  async search(connectionId: string, bucket: string, query: SearchQuery, page: Page): Promise<SearchPage> {
    return searchIndexedObjects(this.deps.index, await this.scope(connectionId, bucket), query, page);
  }

  /** A page of a folder of the bucket's latest snapshot (the latest finished sync). */
  async folder(
    connectionId: string,
    bucket: string,
    prefix: string,
    page: { after?: string | undefined; limit: number },
  ): Promise<SnapshotFolderPage> {
    const { bucketId } = await this.scope(connectionId, bucket);
    const sync = await this.deps.index.get<{ id: number; finishedAt: string | null }>(
      `SELECT id, finished_at AS finishedAt FROM syncs WHERE bucket_id = ? AND state = 'done' ORDER BY id DESC LIMIT 1`,
      [bucketId],
    );
    if (!sync) return { prefix, syncId: null, syncedAt: null, folders: [], objects: [], next: null };
    const listed = await new SnapshotRepository(this.deps.index).folderAsOf(bucketId, sync.id, prefix, {
      ...(page.after !== undefined ? { after: page.after } : {}),
      limit: page.limit,
    });
    const folders: string[] = [];
    const objects: IndexedObject[] = [];
    for (const entry of listed.entries) {
      if (entry.kind === 'folder') folders.push(entry.prefix);
      else
        objects.push({
          key: entry.key,
          size: entry.size,
          etag: entry.etag,
          lastModified: entry.lastModified,
          storageClass: entry.storageClass,
        });
    }
    return { prefix, syncId: sync.id, syncedAt: sync.finishedAt, folders, objects, next: listed.next };
  }

  async report(connectionId: string, bucket: string, report: ReportId, params: ReportParams, page: Page): Promise<ReportPage> {
    const started = performance.now();
    const body = await this.reportBody(connectionId, bucket, report, params, page);
    return { ...body, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  async exportSearch(connectionId: string, bucket: string, query: SearchQuery, format: 'csv' | 'json'): Promise<AuditExportResult> {
    const scope = await this.scope(connectionId, bucket);
    const source: ExportSource = {
      name: 'search',
      title: 'search results',
      columns: searchColumns,
      page: async (done, limit) =>
        (await searchIndexedObjects(this.deps.index, scope, query, { offset: done, limit })).rows as unknown as ReportRow[],
    };
    return exportView(this.deps.dialogs, source, format, this.now());
  }

  async exportReport(
    connectionId: string,
    bucket: string,
    report: ReportId,
    params: ReportParams,
    format: 'csv' | 'json',
  ): Promise<AuditExportResult> {
    const first = await this.reportBody(connectionId, bucket, report, params, { offset: 0, limit: 1 });
    const source: ExportSource = {
      name: report,
      title: first.title,
      columns: first.columns,
      page: async (done, limit) => (await this.reportBody(connectionId, bucket, report, params, { offset: done, limit })).rows,
    };
    return exportView(this.deps.dialogs, source, format, this.now());
  }

  async abortUploads(connectionId: string, bucket: string, uploads: ReadonlyArray<{ key: string; uploadId: string }>) {
    return abortUploads(await this.online(connectionId, bucket, 'abort uploads'), bucket, uploads);
  }

  async deepScanPlan(connectionId: string, bucket: string, prefix: string, budget: number): Promise<DeepScanPlan> {
    const connection = this.deps.connections.resolve(connectionId);
    const { bucketId } = await this.scope(connectionId, bucket);
    return planDeepScan(this.deps.index, { connection, bucket, bucketId, prefix, budget }, this.deps.capabilities);
  }

  async deepScan(connectionId: string, bucket: string, prefix: string, budget: number): Promise<JobStarted> {
    const connection = await this.online(connectionId, bucket, 'deep-scan');
    const { bucketId } = await this.scope(connectionId, bucket);
    return this.deps.jobs.start({
      label: `Deep scan of ${prefix || bucket}`,
      work: (ctx) => runDeepScan(this.deps.index, { connection, bucket, bucketId, prefix, budget }, this.deps.capabilities, ctx, this.now),
    });
  }

  private async reportBody(connectionId: string, bucket: string, report: ReportId, params: ReportParams, page: Page) {
    if (report === 'multipartUploads')
      return multipartReport(await this.online(connectionId, bucket, 'list incomplete uploads'), bucket, page, this.now());
    const run = indexReports[report];
    if (!run) throw new AppError('InvalidInput', `There is no report “${report}”.`);
    const scope = await this.scope(connectionId, bucket);
    return run({ store: this.deps.index, ...scope, params, ...page });
  }

  /** The connection, if its server answers; else an Offline error saying since when and what still works. */
  private async online(connectionId: string, bucket: string, doing: string): Promise<ResolvedConnection> {
    const connection = this.deps.connections.resolve(connectionId);
    const reach = await this.monitor.check(connection, bucket);
    if (!reach.online) {
      throw new AppError(
        'Offline',
        `Cannot ${doing}: the server has not answered since ${reach.offlineSince ?? reach.checkedAt}. Search, reports from the index and exports still work; try again once the network is back.`,
        { offlineSince: reach.offlineSince },
      );
    }
    return connection;
  }

  /** The bucket's id in the index (-1 when never indexed: every query is then empty) and the connection's roots. */
  private async scope(connectionId: string, bucket: string): Promise<SearchScope> {
    const { record } = this.deps.connections.resolve(connectionId);
    const row = await this.deps.index.get<{ id: number }>('SELECT id FROM buckets WHERE connection_id = ? AND bucket = ?', [
      connectionId,
      bucket,
    ]);
    return { bucketId: row?.id ?? -1, roots: record.roots };
  }

  private async indexedBuckets(connectionId: string): Promise<IndexedBucket[]> {
    const [counts, syncs] = await Promise.all([
      this.deps.index.all<{ bucket: string; objectCount: number; byteCount: number; scannedCount: number }>(
        `SELECT b.bucket, count(o.id) AS objectCount, coalesce(sum(o.size), 0) AS byteCount, count(o.scanned_at) AS scannedCount
         FROM buckets b LEFT JOIN objects o ON o.bucket_id = b.id WHERE b.connection_id = ? GROUP BY b.id ORDER BY b.bucket`,
        [connectionId],
      ),
      this.deps.index.all<IndexedSync & { bucket: string }>(
        `SELECT b.bucket, s.id, s.prefix, s.state, s.started_at AS startedAt, s.finished_at AS finishedAt, s.object_count AS objectCount,
         s.byte_count AS byteCount FROM syncs s JOIN buckets b ON b.id = s.bucket_id WHERE b.connection_id = ? ORDER BY s.id DESC LIMIT 200`,
        [connectionId],
      ),
    ]);
    return counts.map((c) => ({
      ...c,
      syncs: syncs
        .filter((s) => s.bucket === c.bucket)
        .map((s) => ({
          id: s.id,
          prefix: s.prefix,
          state: s.state,
          startedAt: s.startedAt,
          finishedAt: s.finishedAt,
          objectCount: s.objectCount,
          byteCount: s.byteCount,
        })),
    }));
  }
}
