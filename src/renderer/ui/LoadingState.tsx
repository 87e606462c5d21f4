import { LoaderCircle } from 'lucide-react';

/** A spinner with words; role="status" so screen readers hear that something is loading. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading-state" role="status">
      <LoaderCircle className="spin" aria-hidden="true" size={18} />
      <span>{label}</span>
    </div>
  );
}
