import { ChevronDown, ChevronRight, Download, Pause, Play, RotateCcw, Upload, X } from 'lucide-react';
import { formatBytes } from '../../../shared/format/format-bytes';
import type { TransferBatchView } from '../../../shared/model/transfer';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatEta, formatSpeed, stateLabel } from './transfer-format';
import { itemsOfBatch, type TransfersState } from './transfer-state';
import { TransferItemRow } from './TransferItemRow';
import type { TransferControls } from './use-transfer-controls';

/** Rows rendered per open batch; a drop of thousands shows the ones that matter first. */
const maxRows = 300;

export interface TransferBatchRowProps {
  batch: TransferBatchView;
  state: TransfersState;
  open: boolean;
  onToggle: () => void;
  controls: TransferControls;
}

/** One drop or download: totals, speed and ETA, batch controls, and (opened) its files. */
export function TransferBatchRow({ batch, state, open, onToggle, controls }: TransferBatchRowProps) {
  const target = { batchId: batch.id };
  const c = batch.counts;
  const running = c.active + c.queued > 0;
  const waiting = c.paused + c.interrupted > 0;
  const items = open ? itemsOfBatch(state, batch.id) : [];
  const where = batch.direction === 'upload' ? `to ${batch.bucket}/${batch.destination}` : `to ${batch.destination}`;
  const finished = c.done + c.skipped;
  return (
    <li
      className={`transfer-batch is-${batch.state}`}
      data-testid="transfer-batch"
      data-batch-id={batch.id}
      data-state={batch.state}
      data-direction={batch.direction}
    >
      <div className="transfer-batch-head">
        <IconButton
          label={open ? 'Hide files' : 'Show files'}
          icon={open ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
          onClick={onToggle}
          aria-expanded={open}
          data-testid="transfer-batch-toggle"
        />
        {batch.direction === 'upload' ? <Upload size={14} aria-label="Upload" /> : <Download size={14} aria-label="Download" />}
        <span className="transfer-batch-label" title={where}>
          {batch.label} <span className="transfer-muted">{where}</span>
        </span>
        <span className="transfer-batch-state" data-testid="transfer-batch-state">
          {stateLabel[batch.state]}
        </span>
        <span
          className="transfer-batch-counts"
          data-testid="transfer-batch-counts"
          data-done={c.done}
          data-failed={c.failed}
          data-total={batch.itemCount}
        >
          {finished.toLocaleString()} of {batch.itemCount.toLocaleString()} files
          {c.failed ? ` · ${c.failed.toLocaleString()} failed` : ''}
          {c.skipped ? ` · ${c.skipped.toLocaleString()} skipped` : ''}
        </span>
        <span className="transfer-batch-bytes" data-testid="transfer-batch-bytes" data-percent={batch.percent}>
          {formatBytes(batch.bytesDone)} of {formatBytes(batch.bytesTotal)} · {batch.percent}%
          {running ? ` · ${formatSpeed(batch.speed)} ${formatEta(batch.eta)}` : ''}
        </span>
        <span className="transfer-actions">
          {running ? (
            <IconButton
              label="Pause this batch"
              icon={<Pause size={14} />}
              onClick={() => void controls.pause(target)}
              data-testid="transfer-batch-pause"
            />
          ) : null}
          {waiting ? (
            <IconButton
              label="Resume this batch"
              icon={<Play size={14} />}
              onClick={() => void controls.resume(target)}
              data-testid="transfer-batch-resume"
            />
          ) : null}
          {c.failed ? (
            <Button icon={<RotateCcw size={14} />} onClick={() => void controls.retry(target)} data-testid="transfer-batch-retry">
              Retry failed
            </Button>
          ) : null}
          {running || waiting ? (
            <IconButton
              label="Cancel this batch"
              icon={<X size={14} />}
              onClick={() => void controls.cancel(target)}
              data-testid="transfer-batch-cancel"
            />
          ) : null}
        </span>
      </div>
      {running || waiting ? (
        <ProgressBar fraction={batch.percent / 100} label={`${batch.label} progress`} testId="transfer-batch-bar" />
      ) : null}
      {open ? (
        <ul className="transfer-items" data-testid="transfer-items">
          {items.slice(0, maxRows).map((item) => (
            <TransferItemRow key={item.id} item={item} controls={controls} />
          ))}
          {items.length > maxRows ? <li className="transfer-muted">…and {(items.length - maxRows).toLocaleString()} more</li> : null}
          {items.length === 0 && batch.itemCount > 0 ? <li className="transfer-muted">Files appear here as they change.</li> : null}
        </ul>
      ) : null}
    </li>
  );
}
