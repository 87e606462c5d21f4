import { useState } from 'react';
import type { ListEntry } from '../../../shared/model/bucket';
import { formatBytes } from '../../../shared/format/format-bytes';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { MeasureSummary } from '../folder-actions/MeasureSummary';
import { useMeasure } from '../folder-actions/use-measure';
import { SelectionShareActions } from '../share/SelectionShareActions';
import { summariseSelection } from './selection-summary';

export interface SelectionInspectorProps {
  connectionId: string;
  bucket: string;
  entries: readonly ListEntry[];
  onEditHeaders: () => void;
}

/** Several items (or one folder): how many and how big, with folder contents counted on request. */
export function SelectionInspector({ connectionId, bucket, entries, onEditHeaders }: SelectionInspectorProps) {
  const summary = summariseSelection(entries);
  const [measuring, setMeasuring] = useState(false);
  const single = entries.length === 1 ? entries[0] : undefined;
  return (
    <div className="selection-inspector" data-testid="selection-inspector" data-count={summary.count} data-bytes={summary.bytes}>
      {single ? (
        <p className="inspector-title">
          Folder <code title={single.key}>{single.key}</code>
        </p>
      ) : (
        <p className="inspector-title" data-testid="selection-count">
          {summary.count.toLocaleString()} items selected
        </p>
      )}
      {summary.objects > 0 ? (
        <p data-testid="selection-size">
          {summary.objects.toLocaleString()} {summary.objects === 1 ? 'file' : 'files'}, {formatBytes(summary.bytes)} (
          {summary.bytes.toLocaleString()} bytes)
        </p>
      ) : null}
      {summary.folders > 0 && summary.count <= 10_000 ? (
        measuring ? (
          <FolderMeasure connectionId={connectionId} bucket={bucket} keys={entries.map((e) => e.key)} />
        ) : (
          <Button onClick={() => setMeasuring(true)} data-testid="measure-folders">
            Count what is inside {summary.folders === 1 ? 'the folder' : `the ${summary.folders.toLocaleString()} folders`}
          </Button>
        )
      ) : null}
      <SelectionShareActions connectionId={connectionId} bucket={bucket} entries={entries} />
      <Button onClick={onEditHeaders} data-testid="bulk-edit-open">
        Edit headers &amp; access…
      </Button>
    </div>
  );
}

function FolderMeasure({ connectionId, bucket, keys }: { connectionId: string; bucket: string; keys: string[] }) {
  const measure = useMeasure(connectionId, bucket, keys);
  if (measure.isPending) return <LoadingState label="Counting…" />;
  if (measure.isError) return <ErrorBanner message={measure.error.message} testId="measure-error" />;
  return <MeasureSummary measure={measure.data} verb="selection holds" />;
}
