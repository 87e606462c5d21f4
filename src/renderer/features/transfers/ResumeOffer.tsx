import { History } from 'lucide-react';
import { useEffect, useState } from 'react';
import { formatBytes } from '../../../shared/format/format-bytes';
import type { InterruptedSummary } from '../../../shared/model/transfer';
import { api, call } from '../../api/client';
import { Button } from '../../ui/Button';
import type { TransferControls } from './use-transfer-controls';

/**
 * At start-up: unfinished transfers from a previous run (quit or crash), offered for resume.
 * Uploads continue from the parts S3 already holds; a file changed since restarts from zero and
 * says so on its row.
 */
export function ResumeOffer({ controls, onFound }: { controls: TransferControls; onFound: () => void }) {
  const [offer, setOffer] = useState<InterruptedSummary | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call(api.transfers.interrupted({}))
      .then((summary) => {
        if (!live || summary.itemCount === 0) return;
        setOffer(summary);
        onFound();
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [onFound]);

  if (!offer) return null;
  const n = offer.itemCount;
  const act = async (how: 'resume' | 'cancel') => {
    setBusy(true);
    for (const batch of offer.batches) await controls[how]({ batchId: batch.id });
    setOffer(null);
  };
  return (
    <div className="resume-offer" role="status" data-testid="resume-offer" data-count={n}>
      <History size={18} aria-hidden="true" />
      <div className="resume-offer-text">
        <p className="resume-offer-title">
          {n.toLocaleString()} unfinished {n === 1 ? 'transfer' : 'transfers'} from the last session ({formatBytes(offer.bytesLeft)} left).
        </p>
        <p className="transfer-muted">
          Resuming continues each upload from the parts the bucket already has. A file that changed on disk since then starts again from the
          beginning, and its row says so.
        </p>
      </div>
      <Button variant="primary" busy={busy} onClick={() => void act('resume')} data-testid="resume-offer-resume">
        Resume {n.toLocaleString()} unfinished
      </Button>
      <Button variant="ghost" disabled={busy} onClick={() => void act('cancel')} data-testid="resume-offer-discard">
        Discard
      </Button>
    </div>
  );
}
