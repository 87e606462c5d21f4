import type { ReportId } from '../../../../shared/model/audit';
import { cacheReport } from './cache-report';
import { changesReport } from './changes-report';
import { duplicatesReport, largestReport, storageClassReport } from './cost-reports';
import { exposureReport } from './exposure-report';
import type { IndexReport } from './report-kit';
import { storageExtensionReport, storagePrefixReport } from './storage-reports';

/** The reports answered from the index alone (offline too); the others need S3 (`audit/audit-service.ts`). */
export const indexReports: Partial<Record<ReportId, IndexReport>> = {
  exposure: exposureReport,
  cacheHeaders: cacheReport,
  largest: largestReport,
  duplicates: duplicatesReport,
  storageClass: storageClassReport,
  storagePrefix: storagePrefixReport,
  storageExtension: storageExtensionReport,
  changes: changesReport,
};
