import * as Menu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, FileUp, FolderUp, Upload } from 'lucide-react';
import type { UploadTarget } from './use-upload-flow';
import { useUpload } from './UploadProvider';

/** "Upload…" in the folder toolbar: pick files or a whole folder to upload into the open folder. */
export function UploadButton({ target }: { target: UploadTarget }) {
  const upload = useUpload();
  if (!upload) return null;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger className="btn btn-secondary" data-testid="upload-button">
        <span className="btn-icon" aria-hidden="true">
          <Upload size={15} />
        </span>
        Upload…
        <ChevronDown size={13} aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={2} collisionPadding={8} aria-label="Upload">
          <Menu.Item className="menu-item" onSelect={() => upload.pick(target, 'files')} data-testid="upload-pick-files">
            <span className="menu-icon" aria-hidden="true">
              <FileUp size={14} />
            </span>
            <span className="menu-label">Files…</span>
          </Menu.Item>
          <Menu.Item className="menu-item" onSelect={() => upload.pick(target, 'folder')} data-testid="upload-pick-folder">
            <span className="menu-icon" aria-hidden="true">
              <FolderUp size={14} />
            </span>
            <span className="menu-label">Folder…</span>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
