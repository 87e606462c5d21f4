import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { BucketHealthDialog } from './BucketHealthDialog';

/** Opens the health panel of the open bucket (shown under the bucket list). */
export function BucketHealthButton({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" icon={<ShieldCheck size={14} />} onClick={() => setOpen(true)} data-testid="bucket-health-open">
        Bucket health
      </Button>
      {open ? <BucketHealthDialog connectionId={connectionId} bucket={bucket} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
