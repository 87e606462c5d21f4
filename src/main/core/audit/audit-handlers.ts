import type { auditChannels } from '../../../shared/channels/audit-channels';
import type { HandlersFor } from '../router';
import type { AuditService } from './audit-service';

/** Audit channels: search, reports, exports and the snapshot from the index; uploads and deep scan online. */
export function createAuditHandlers(audit: AuditService): HandlersFor<keyof typeof auditChannels> {
  return {
    'audit:status': ({ connectionId, bucket }) => audit.status(connectionId, bucket),
    'audit:search': ({ connectionId, bucket, query, offset, limit }) => audit.search(connectionId, bucket, query, { offset, limit }),
    'audit:folder': ({ connectionId, bucket, prefix, after, limit }) => audit.folder(connectionId, bucket, prefix, { after, limit }),
    'audit:report': ({ connectionId, bucket, report, params, offset, limit }) =>
      audit.report(connectionId, bucket, report, params, { offset, limit }),
    'audit:export': ({ connectionId, bucket, view, format }) =>
      view.kind === 'search'
        ? audit.exportSearch(connectionId, bucket, view.query, format)
        : audit.exportReport(connectionId, bucket, view.report, view.params, format),
    'audit:abortUploads': ({ connectionId, bucket, uploads }) => audit.abortUploads(connectionId, bucket, uploads),
    'audit:deepScanPlan': ({ connectionId, bucket, prefix, budget }) => audit.deepScanPlan(connectionId, bucket, prefix, budget),
    'audit:deepScan': ({ connectionId, bucket, prefix, budget }) => audit.deepScan(connectionId, bucket, prefix, budget),
  };
}
