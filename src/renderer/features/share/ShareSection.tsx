import { Link, Share2 } from 'lucide-react';
import { Button } from '../../ui/Button';
import { useShare } from './share-context';
import { shortcutLabelFor } from '../../../shared/commands/command-table';
import { useAppInfo } from '../../api/use-app-info';

export interface ShareSectionProps {
  connectionId: string;
  bucket: string;
  objectKey: string;
}

/** The inspector's share block for one object: one-click "Copy link" and the full dialog. */
export function ShareSection({ connectionId, bucket, objectKey }: ShareSectionProps) {
  const share = useShare();
  const target = { connectionId, bucket, key: objectKey };
  // The table's `copy-link` shortcut, written for this platform (⇧⌘L on macOS).
  const shortcut = shortcutLabelFor('copy-link', useAppInfo().data?.platform ?? '');
  return (
    <section className="inspector-section" data-testid="inspector-share">
      <h3 className="inspector-heading">Share</h3>
      <div className="share-buttons">
        <Button
          icon={<Link size={14} />}
          onClick={() => share.copyLink(target)}
          title={shortcut ? `Copy a link with the last-used expiry (${shortcut})` : 'Copy a link with the last-used expiry'}
          data-testid="inspector-copy-link"
        >
          Copy link
        </Button>
        <Button icon={<Share2 size={14} />} onClick={() => share.openLinkDialog(target)} data-testid="inspector-share-link">
          Share…
        </Button>
      </div>
    </section>
  );
}
