import { Info } from 'lucide-react';
import type { ListEntry } from '../../../shared/model/bucket';
import { EmptyState } from '../../ui/EmptyState';
import { useDebounced } from '../../ui/use-debounced';
import { ObjectInspector } from './ObjectInspector';
import { SelectionInspector } from './SelectionInspector';

export interface InspectorPanelProps {
  connectionId: string;
  bucket: string;
  selected: readonly ListEntry[];
  onPreview: (entry: ListEntry) => void;
  /** Opens the bulk header and access editor for the selection. */
  onEditHeaders: () => void;
}

/** The side panel: details of the one selected object, or what a selection adds up to. */
export function InspectorPanel({ connectionId, bucket, selected, onPreview, onEditHeaders }: InspectorPanelProps) {
  // Ask main only once the selection has settled: arrowing through a folder should not fetch the
  // details of every row passed over. A string compares by value, so re-renders (a big folder
  // still streaming in) do not restart the wait.
  const signature = `${selected.length}\n${selected[0]?.key ?? ''}\n${selected.at(-1)?.key ?? ''}`;
  const settled = useDebounced(signature, 120) === signature;
  const single = selected.length === 1 ? selected[0] : undefined;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {selected.length === 0 ? (
        <EmptyState title="Nothing selected" icon={<Info size={24} />}>
          <p>Select a file to see its details and a preview.</p>
        </EmptyState>
      ) : single?.kind === 'object' ? (
        <ObjectInspector
          key={single.key}
          connectionId={connectionId}
          bucket={bucket}
          objectKey={single.key}
          settled={settled}
          onPreview={() => onPreview(single)}
        />
      ) : (
        <SelectionInspector key={signature} connectionId={connectionId} bucket={bucket} entries={selected} onEditHeaders={onEditHeaders} />
      )}
    </aside>
  );
}
