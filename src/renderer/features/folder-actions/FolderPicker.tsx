import { useQuery } from '@tanstack/react-query';
import { ArrowUp, Folder } from 'lucide-react';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { IconButton } from '../../ui/IconButton';
import { LoadingState } from '../../ui/LoadingState';
import { parentPrefix } from '../../../shared/model/keys';
import { RowName } from '../../ui/RowName';
import { normaliseDestination } from './name-rules';

export interface FolderPickerProps {
  connectionId: string;
  bucket: string;
  /** What is typed in the destination field. */
  value: string;
  onChange: (value: string) => void;
  /** Folders that cannot be chosen (the ones being moved). */
  excluded: readonly string[];
}

/**
 * The subfolders of the typed destination, one click to go into one and one to go up: a small
 * tree walk that needs no typing. Only the first page is read; the field takes any path.
 */
export function FolderPicker({ connectionId, bucket, value, onChange, excluded }: FolderPickerProps) {
  const prefix = normaliseDestination(value);
  const list = useQuery({
    queryKey: [...queryKeys.connection(connectionId), 'picker', bucket, prefix],
    queryFn: () => call(api.browse.list({ connectionId, bucket, prefix, pageSize: 1000 })),
  });
  const folders = (list.data?.entries ?? []).filter((e) => e.kind === 'folder' && !excluded.includes(e.key));
  return (
    <div className="folder-picker" data-testid="folder-picker">
      <div className="folder-picker-head">
        <IconButton
          label="Up one folder"
          icon={<ArrowUp size={14} />}
          disabled={prefix === ''}
          onClick={() => onChange(parentPrefix(prefix))}
          data-testid="picker-up"
        />
        <span className="folder-picker-path" title={`${bucket}/${prefix}`}>
          {bucket}/{prefix}
        </span>
      </div>
      {list.isPending ? <LoadingState label="Listing folders…" /> : null}
      {list.isError ? <p className="field-error">{list.error.message}</p> : null}
      {list.isSuccess ? (
        <ul className="folder-picker-list">
          {folders.length === 0 ? (
            <li className="folder-picker-empty">No folders here. Type a new name to create one by moving into it.</li>
          ) : null}
          {folders.map((f) => (
            <li key={f.key}>
              <button
                type="button"
                className="folder-picker-item"
                onClick={() => onChange(f.key)}
                data-testid="picker-folder"
                data-key={f.key}
              >
                <Folder size={14} aria-hidden="true" />
                <RowName name={f.name.slice(0, -1)} />
              </button>
            </li>
          ))}
          {list.data.continuationToken ? <li className="folder-picker-empty">More folders exist; type the path to reach them.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
