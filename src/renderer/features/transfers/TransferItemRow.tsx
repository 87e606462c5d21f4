import { Pause, Play, RotateCcw, X } from 'lucide-react';
import { formatBytes } from '../../../shared/format/format-bytes';
import type { TransferItemView } from '../../../shared/model/transfer';
import { IconButton } from '../../ui/IconButton';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatEta, formatSpeed, stateLabel } from './transfer-format';
import type { TransferControls } from './use-transfer-controls';

const phaseLabel = {
  preparing: 'Preparing',
  transferring: 'Sending',
  verifying: 'Checking',
  finishing: 'Finishing',
  retrying: 'Retrying',
} as const;

/** One file in a batch: name, state, bytes and speed, its failure in plain words, and its controls. */
export function TransferItemRow({ item, controls }: { item: TransferItemView; controls: TransferControls }) {
  const target = { ids: [item.id] };
  const moving = item.state === 'active';
  const status = moving && item.phase ? phaseLabel[item.phase] : stateLabel[item.state];
  const parts = item.parts && item.parts.total > 1 ? ` · part ${item.parts.done} of ${item.parts.total}` : '';
  return (
    <li
      className={`transfer-item is-${item.state}`}
      data-testid="transfer-item"
      data-name={item.name}
      data-key={item.key}
      data-state={item.state}
    >
      <div className="transfer-item-main">
        <span className="transfer-item-name" title={item.key}>
          {item.name}
        </span>
        <span className="transfer-item-status">{status}</span>
        <span className="transfer-item-bytes">
          {moving || item.state === 'paused'
            ? `${formatBytes(item.bytesDone)} of ${formatBytes(item.bytesTotal)} · ${item.percent}%`
            : formatBytes(item.bytesTotal)}
          {moving ? ` · ${formatSpeed(item.speed)} ${formatEta(item.eta)}` : ''}
          {moving ? parts : ''}
        </span>
        <span className="transfer-actions">
          {item.state === 'active' || item.state === 'queued' ? (
            <IconButton
              label={`Pause ${item.name}`}
              icon={<Pause size={14} />}
              onClick={() => void controls.pause(target)}
              data-testid="transfer-item-pause"
            />
          ) : null}
          {item.state === 'paused' || item.state === 'interrupted' ? (
            <IconButton
              label={`Resume ${item.name}`}
              icon={<Play size={14} />}
              onClick={() => void controls.resume(target)}
              data-testid="transfer-item-resume"
            />
          ) : null}
          {item.state === 'failed' || item.state === 'cancelled' ? (
            <IconButton
              label={`Retry ${item.name}`}
              icon={<RotateCcw size={14} />}
              onClick={() => void controls.retry(target)}
              data-testid="transfer-item-retry"
            />
          ) : null}
          {item.state !== 'done' && item.state !== 'cancelled' && item.state !== 'skipped' ? (
            <IconButton
              label={`Cancel ${item.name}`}
              icon={<X size={14} />}
              onClick={() => void controls.cancel(target)}
              data-testid="transfer-item-cancel"
            />
          ) : null}
        </span>
      </div>
      {moving || item.state === 'paused' ? <ProgressBar fraction={item.percent / 100} label={`${item.name} progress`} /> : null}
      {item.error ? (
        <p className="transfer-item-error" role="alert" data-testid="transfer-item-error" data-code={item.error.code}>
          {item.error.message}
        </p>
      ) : null}
      {item.notice ? (
        <p className="transfer-item-notice" data-testid="transfer-item-notice">
          {item.notice}
        </p>
      ) : null}
    </li>
  );
}
