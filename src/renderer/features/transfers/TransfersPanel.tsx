import { ArrowUpDown, ChevronDown, ChevronUp, Pause, Play, Trash2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import { api, call } from '../../api/client';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';
import { isBusy, overallSummary } from './transfer-format';
import { attentionCount, batchesNewestFirst } from './transfer-state';
import { transferStore, useTransfers } from './transfer-store';
import { ResumeOffer } from './ResumeOffer';
import { TransferBatchRow } from './TransferBatchRow';
import { useTransferControls } from './use-transfer-controls';
import { useTransfersSync } from './use-transfers-sync';
import { usePanelOpen } from './panel-open';
import { useCommandHandler } from '../../ui/commands/command-registry';

/**
 * The transfers panel at the bottom of the window: always there as a one-line summary with a
 * badge; opened, it lists every batch with its files and controls.
 */
export function TransfersPanel() {
  useTransfersSync();
  const state = useTransfers();
  const controls = useTransferControls();
  const [open, setOpen] = usePanelOpen();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const { overall } = state;
  const count = attentionCount(overall);
  const batches = batchesNewestFirst(state);
  const busy = isBusy(overall);
  const anyWaiting = overall.paused + overall.interrupted > 0;
  const anyFinished = batches.some((b) => b.counts.done + b.counts.skipped + b.counts.cancelled > 0);
  const reveal = useCallback(() => setOpen(true), [setOpen]);
  useCommandHandler('toggle-transfers', () => setOpen(!open));

  const toggle = (batchId: string) => {
    const next = new Set(expanded);
    if (next.has(batchId)) next.delete(batchId);
    else {
      next.add(batchId);
      // Items that have not changed since the panel opened are not in the store yet.
      void call(api.transfers.list({ batchId, limit: 1_000 })).then(
        (r) => transferStore.snapshot(r),
        () => undefined,
      );
    }
    setExpanded(next);
  };

  return (
    <section
      className={open ? 'transfers-panel is-open' : 'transfers-panel'}
      aria-label="Transfers"
      data-testid="transfers-panel"
      data-open={open}
      data-busy={busy}
    >
      <header className="transfers-bar">
        <button
          type="button"
          className="transfers-toggle"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          data-testid="transfers-toggle"
        >
          <ArrowUpDown size={15} aria-hidden="true" />
          <span>Transfers</span>
          {count > 0 ? (
            <span className="transfers-badge" data-testid="transfers-badge" aria-label={`${count} transfers need attention or are running`}>
              {count.toLocaleString()}
            </span>
          ) : null}
          {open ? <ChevronDown size={14} aria-hidden="true" /> : <ChevronUp size={14} aria-hidden="true" />}
        </button>
        <span className="transfers-summary" aria-live="polite" data-testid="transfers-summary">
          {overallSummary(overall)}
        </span>
        {busy ? (
          <ProgressBar fraction={overall.fraction} label="All transfers" testId="transfers-overall-bar" />
        ) : (
          <span className="spacer" />
        )}
        <span className="transfer-actions">
          {busy ? (
            <Button icon={<Pause size={14} />} onClick={() => void controls.pause({ all: true })} data-testid="transfers-pause-all">
              Pause all
            </Button>
          ) : null}
          {anyWaiting ? (
            <Button icon={<Play size={14} />} onClick={() => void controls.resume({ all: true })} data-testid="transfers-resume-all">
              Resume all
            </Button>
          ) : null}
          {open && anyFinished ? (
            <Button icon={<Trash2 size={14} />} onClick={() => void controls.clear()} data-testid="transfers-clear">
              Clear finished
            </Button>
          ) : null}
        </span>
      </header>
      <ResumeOffer controls={controls} onFound={reveal} />
      {open ? (
        <div className="transfers-body">
          {batches.length === 0 ? (
            <p className="transfer-muted transfers-empty">No transfers yet. Drop files or folders onto a folder to upload them.</p>
          ) : (
            <ul className="transfer-batches" data-testid="transfer-batches">
              {batches.map((batch) => (
                <TransferBatchRow
                  key={batch.id}
                  batch={batch}
                  state={state}
                  open={expanded.has(batch.id)}
                  onToggle={() => toggle(batch.id)}
                  controls={controls}
                />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
