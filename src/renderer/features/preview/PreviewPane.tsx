import { FileQuestion } from 'lucide-react';
import { useState } from 'react';
import { baseName } from '../../../shared/model/keys';
import { objectUrl } from '../../../shared/object-url';
import { useAppInfo } from '../../api/use-app-info';
import { formatBytes } from '../../../shared/format/format-bytes';
import { EmptyState } from '../../ui/EmptyState';
import { previewKind } from './preview-kind';
import { textPreviewBytes } from './text-preview';
import { TextPreview } from './TextPreview';

/** Images above these sizes are not loaded by themselves (an <img> cannot read just a part). */
const maxInlineImageBytes = 25 * 1024 * 1024;
const maxImageBytes = 250 * 1024 * 1024;

export interface PreviewTarget {
  connectionId: string;
  bucket: string;
  key: string;
  size: number;
  contentType?: string;
  versionId?: string;
}

export interface PreviewPaneProps {
  target: PreviewTarget;
  /** Compact (in the inspector) reads less text and leaves PDFs to the preview dialog. */
  compact?: boolean;
  onOpenFull?: () => void;
}

/**
 * Shows an object through the object route on the preview origin (main streams it from S3 with
 * range support, so videos seek and nothing is loaded whole). Frames only what `previewPolicy`
 * vouched for; never sees credentials or S3 itself.
 */
export function PreviewPane({ target, compact = false, onOpenFull }: PreviewPaneProps) {
  const [broken, setBroken] = useState(false);
  const kind = previewKind(target.key, target.contentType);
  // The app is 'ready' only once app:info answered, so the preview origin is always known here.
  const previewBase = useAppInfo().data?.previewBase ?? '';
  const url = objectUrl(previewBase, {
    connectionId: target.connectionId,
    bucket: target.bucket,
    key: target.key,
    ...(target.versionId ? { versionId: target.versionId } : {}),
  });
  const name = baseName(target.key);

  if (broken) {
    return (
      <p className="preview-note" data-testid="preview-error">
        The preview could not be loaded. The file may be damaged, or in a format this app cannot show.
      </p>
    );
  }
  // An <img> reads the whole file: big images wait for a click (inspector) or are not shown (dialog).
  if (kind === 'image' && target.size > (compact ? maxInlineImageBytes : maxImageBytes)) {
    return compact ? (
      <button type="button" className="btn btn-secondary" onClick={onOpenFull} data-testid="preview-open-large">
        Preview this {formatBytes(target.size)} image
      </button>
    ) : (
      <p className="preview-note" data-testid="preview-too-large">
        This image is {formatBytes(target.size)}, too large to show here without reading all of it. Download it to open it.
      </p>
    );
  }
  switch (kind) {
    case 'image':
      return (
        <img className="preview-image" src={url} alt={`Preview of ${name}`} onError={() => setBroken(true)} data-testid="preview-image" />
      );
    case 'video':
      return (
        <video
          className="preview-video"
          src={url}
          controls
          preload="metadata"
          onError={() => setBroken(true)}
          data-testid="preview-video"
        />
      );
    case 'audio':
      return (
        <audio
          className="preview-audio"
          src={url}
          controls
          preload="metadata"
          onError={() => setBroken(true)}
          data-testid="preview-audio"
        />
      );
    case 'pdf':
      return compact ? (
        <button type="button" className="btn btn-secondary" onClick={onOpenFull} data-testid="preview-open-pdf">
          Open PDF preview
        </button>
      ) : (
        <iframe className="preview-pdf" src={url} title={`PDF preview of ${name}`} data-testid="preview-pdf" />
      );
    case 'text':
      return <TextPreview url={url} size={target.size} maxBytes={compact ? 16 * 1024 : textPreviewBytes} />;
    case 'none':
      return (
        <EmptyState title="No preview" icon={<FileQuestion size={24} />} testId="preview-none">
          <p>This type of file cannot be shown here. Download it to open it.</p>
        </EmptyState>
      );
  }
}
