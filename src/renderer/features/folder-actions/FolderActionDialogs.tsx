import type { Roots } from '../../../shared/model/roots';
import type { ActionRequest } from './action-request';
import { BulkEditDialog } from './BulkEditDialog';
import { DeleteDialog } from './DeleteDialog';
import { DownloadDialog } from './DownloadDialog';
import { NewFolderDialog } from './NewFolderDialog';
import { RenameDialog } from './RenameDialog';
import { TransferDialog } from './TransferDialog';

export interface FolderActionDialogsProps {
  connectionId: string;
  bucket: string;
  request: ActionRequest | null;
  /** Whether a key lies under the public root (deleting it takes it off the web). */
  isPublic: (key: string) => boolean;
  /** The connection's roots (a move into another root changes permissions, and says so). */
  roots: Roots;
  onClose: () => void;
  /** Called with the key to select once an action produced one (a new or renamed item). */
  onSelectKey: (key: string) => void;
}

/** The dialog for the pending folder action, if any. */
export function FolderActionDialogs({ connectionId, bucket, request, isPublic, roots, onClose, onSelectKey }: FolderActionDialogsProps) {
  if (!request) return null;
  const common = { connectionId, bucket, onClose };
  switch (request.kind) {
    case 'newFolder':
      return (
        <NewFolderDialog
          {...common}
          parentPrefix={request.parentPrefix}
          onCreated={(key) => {
            onClose();
            onSelectKey(key);
          }}
        />
      );
    case 'delete':
      return <DeleteDialog {...common} keys={request.keys} publicRoot={request.keys.some(isPublic)} />;
    case 'rename':
      return (
        <RenameDialog
          {...common}
          itemKey={request.key}
          onRenamed={(key) => {
            onClose();
            onSelectKey(key);
          }}
        />
      );
    case 'move':
    case 'copy':
      return <TransferDialog {...common} mode={request.kind} keys={request.keys} fromPrefix={request.fromPrefix} roots={roots} />;
    case 'download':
      return <DownloadDialog {...common} keys={request.keys} />;
    case 'bulkEdit':
      return <BulkEditDialog {...common} keys={request.keys} />;
  }
}
