import { formatBytes } from '../../../shared/format/format-bytes';
import type { ReportCell, ReportColumnKind } from '../../../shared/model/audit';
import { formatDateTime } from '../../format/format-date';

/** A report cell as text for its column's kind (exports keep the raw value). */
export function formatCell(value: ReportCell, kind: ReportColumnKind): string {
  if (value === null) return '';
  switch (kind) {
    case 'bytes':
      return typeof value === 'number' ? formatBytes(value) : value;
    case 'count':
      return typeof value === 'number' ? value.toLocaleString() : value;
    case 'date':
      return typeof value === 'string' ? formatDateTime(value) : String(value);
    default:
      return String(value);
  }
}
