import { useState } from 'react';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';

/** Things main had to tell the user once at start-up (e.g. a damaged database set aside). */
export function StartupNotices({ notices }: { notices: string[] }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  return (
    <div className="startup-notices">
      {notices.map((notice) => (
        <ErrorBanner key={notice} title="Please note" message={notice} testId="startup-notice" />
      ))}
      <Button onClick={() => setDismissed(true)} data-testid="startup-notice-dismiss">
        Dismiss
      </Button>
    </div>
  );
}
