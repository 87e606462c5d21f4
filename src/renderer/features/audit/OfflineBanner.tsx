import { WifiOff } from 'lucide-react';
import type { AuditStatus } from '../../../shared/model/audit';
import { formatDateTime } from '../../format/format-date';

/** Says the server cannot be reached (since when, why) and what still works. */
export function OfflineBanner({ status }: { status: AuditStatus | undefined }) {
  if (!status || status.online) return null;
  return (
    <div className="audit-offline" role="status" data-testid="audit-offline" data-offline-since={status.offlineSince ?? ''}>
      <WifiOff size={16} aria-hidden="true" />
      <div>
        <strong>Offline since {formatDateTime(status.offlineSince ?? status.checkedAt)}.</strong> {status.offlineReason}
        <br />
        Browsing the last snapshot, search, reports from the index and exports still work; actions that need the server are disabled.
      </div>
    </div>
  );
}

/** Why an action that needs S3 is disabled now, or undefined when it may run. */
export function offlineReason(status: AuditStatus | undefined): string | undefined {
  return status && !status.online
    ? `Needs the server, which has not answered since ${formatDateTime(status.offlineSince ?? status.checkedAt)}.`
    : undefined;
}
