import { Link2, Upload } from 'lucide-react';
import type { ListEntry } from '../../../shared/model/bucket';
import { Button } from '../../ui/Button';
import { useShare } from './share-context';

export interface SelectionShareActionsProps {
  connectionId: string;
  bucket: string;
  entries: readonly ListEntry[];
}

/** The inspector's share buttons for a selection: links for its files, or an upload link for one folder. */
export function SelectionShareActions({ connectionId, bucket, entries }: SelectionShareActionsProps) {
  const share = useShare();
  const keys = entries.filter((e) => e.kind === 'object').map((e) => e.key);
  const only = entries.length === 1 ? entries[0] : undefined;
  if (keys.length === 0 && only?.kind !== 'folder') return null;
  return (
    <section className="inspector-section" data-testid="inspector-share">
      <h3 className="inspector-heading">Share</h3>
      <div className="share-buttons">
        {keys.length > 0 ? (
          <Button
            icon={<Link2 size={14} />}
            onClick={() => share.openLinksDialog({ connectionId, bucket, keys })}
            data-testid="inspector-share-links"
          >
            Links for {keys.length.toLocaleString()} {keys.length === 1 ? 'file' : 'files'}…
          </Button>
        ) : null}
        {only?.kind === 'folder' ? (
          <Button
            icon={<Upload size={14} />}
            onClick={() => share.openUploadDialog({ connectionId, bucket, prefix: only.key })}
            data-testid="inspector-upload-link"
          >
            Upload link…
          </Button>
        ) : null}
      </div>
    </section>
  );
}
