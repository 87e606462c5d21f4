import { baseName } from '../../../shared/model/keys';
import { DialogShell } from '../../ui/DialogShell';
import { LoadingState } from '../../ui/LoadingState';
import { useDetails } from '../inspector/use-details';
import { PreviewPane, type PreviewTarget } from './PreviewPane';

/**
 * A large preview of one object (Enter on a file, or "Preview" in the menu). It waits for the
 * object's details (usually cached by the inspector) so the stored Content-Type picks the viewer;
 * if they cannot be read, the extension decides.
 */
export function PreviewDialog({ target, onClose }: { target: PreviewTarget; onClose: () => void }) {
  const details = useDetails(target.connectionId, target.bucket, target.key);
  const name = baseName(target.key) || target.key;
  const contentType = details.data?.contentType;
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={name}
      description={<span title={target.key}>{target.key}</span>}
      size="wide"
    >
      <div className="preview-dialog-body" data-testid="preview-dialog">
        {details.isPending ? (
          <LoadingState label="Opening…" />
        ) : (
          <PreviewPane
            key={target.key}
            target={{ ...target, size: details.data?.size ?? target.size, ...(contentType ? { contentType } : {}) }}
          />
        )}
      </div>
    </DialogShell>
  );
}
