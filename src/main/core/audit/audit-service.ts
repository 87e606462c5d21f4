import { AppError } from '../../../shared/errors';
import type {
  AuditExportResult,
  AuditStatus,
  DeepScanPlan,
  IndexedBucket,
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
import { searchIndex, type SearchScope } from '../index/index-search';
import type { IndexStore } from '../index/index-store';
import { indexReports } from '../index/reports/report-registry';
import { listSnapshotFolder } from '../index/snapshot-folders';
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

  search(connectionId: string, bucket: string, query: SearchQuery, page: Page): Promise<SearchPage> {
    return searchIndex(this.deps.index, this.scope(connectionId, bucket), query, page);
  }

  folder(connectionId: string, bucket: string, prefix: string): Promise<SnapshotFolderPage & { truncated: boolean }> {
    this.deps.connections.resolve(connectionId);
    return listSnapshotFolder(this.deps.index, { connectionId, bucket }, prefix);
  }

  async report(connectionId: string, bucket: string, report: ReportId, params: ReportParams, page: Page): Promise<ReportPage> {
    const started = performance.now();
    const body = await this.reportBody(connectionId, bucket, report, params, page);
    return { ...body, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  exportSearch(connectionId: string, bucket: string, query: SearchQuery, format: 'csv' | 'json'): Promise<AuditExportResult> {
    const scope = this.scope(connectionId, bucket);
    const source: ExportSource = {
      name: 'search',
      title: 'search results',
      columns: searchColumns,
      page: async (done, limit) =>
        (await searchIndex(this.deps.index, scope, query, { offset: done, limit })).rows as unknown as ReportRow[],
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
    return planDeepScan(this.deps.index, { connection, bucket, prefix, budget }, this.deps.capabilities);
  }

  async deepScan(connectionId: string, bucket: string, prefix: string, budget: number): Promise<JobStarted> {
    const connection = await this.online(connectionId, bucket, 'deep-scan');
    return this.deps.jobs.start({
      label: `Deep scan of ${prefix || bucket}`,
      work: (ctx) => runDeepScan(this.deps.index, { connection, bucket, prefix, budget }, this.deps.capabilities, ctx, this.now),
    });
  }

  private async reportBody(connectionId: string, bucket: string, report: ReportId, params: ReportParams, page: Page) {
    if (report === 'multipartUploads')
      return multipartReport(await this.online(connectionId, bucket, 'list incomplete uploads'), bucket, page, this.now());
    const run = indexReports[report];
    if (!run) {
      throw new AppError('InvalidInput', 'This report needs two syncs of the bucket to compare; it is not available in this version yet.');
    }
    const scope = this.scope(connectionId, bucket);
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

  private scope(connectionId: string, bucket: string): SearchScope {
    const { record } = this.deps.connections.resolve(connectionId);
    return { connectionId, bucket, roots: record.roots };
  }

  private async indexedBuckets(connectionId: string): Promise<IndexedBucket[]> {
    const [counts, syncs, scans] = await Promise.all([
      this.deps.index.all<{ bucket: string; objectCount: number; byteCount: number }>(
        'SELECT bucket, count(*) AS objectCount, coalesce(sum(size), 0) AS byteCount FROM objects WHERE connection_id = ? GROUP BY bucket',
        [connectionId],
      ),
      this.deps.index.all<{
        bucket: string;
        id: number;
        prefix: string;
        state: string;
        startedAt: string;
        finishedAt: string | null;
        objectCount: number;
        byteCount: number;
      }>(
        `SELECT bucket, id, prefix, state, started_at AS startedAt, finished_at AS finishedAt, object_count AS objectCount, byte_count AS byteCount
         FROM syncs WHERE connection_id = ? ORDER BY started_at DESC LIMIT 200`,
        [connectionId],
      ),
      this.deps.index.all<{ bucket: string; n: number }>(
        'SELECT o.bucket, count(*) AS n FROM object_scans s JOIN objects o ON o.id = s.object_id WHERE o.connection_id = ? GROUP BY o.bucket',
        [connectionId],
      ),
    ]);
    const names = new Set([...counts.map((c) => c.bucket), ...syncs.map((s) => s.bucket)]);
    return [...names].sort().map((bucket) => {
      const c = counts.find((r) => r.bucket === bucket);
      return {
        bucket,
        objectCount: c?.objectCount ?? 0,
        byteCount: c?.byteCount ?? 0,
        scannedCount: scans.find((r) => r.bucket === bucket)?.n ?? 0,
        syncs: syncs
          .filter((s) => s.bucket === bucket)
          .map((s) => ({
            id: s.id,
            prefix: s.prefix,
            state: s.state,
            startedAt: s.startedAt,
            finishedAt: s.finishedAt,
            objectCount: s.objectCount,
            byteCount: s.byteCount,
          })),
      };
    });
  }
}
