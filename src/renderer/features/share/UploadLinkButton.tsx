import { Upload } from 'lucide-react';
import { Button } from '../../ui/Button';
import { useShare } from './share-context';

export interface UploadLinkButtonProps {
  connectionId: string;
  bucket: string;
  /** The open folder; at the bucket's top, uploads default to the private root. */
  prefix: string;
  privateRoot: string;
}

/** Toolbar button: an upload link into the open folder. */
export function UploadLinkButton({ connectionId, bucket, prefix, privateRoot }: UploadLinkButtonProps) {
  const share = useShare();
  return (
    <Button
      icon={<Upload size={15} />}
      onClick={() => share.openUploadDialog({ connectionId, bucket, prefix: prefix || privateRoot })}
      title="Let someone without credentials upload into this folder"
      data-testid="upload-link"
    >
      Upload link…
    </Button>
  );
}
