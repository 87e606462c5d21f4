import { Cable, FlaskConical, Plus } from 'lucide-react';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import type { useDemo } from './use-demo';

export interface WelcomeStateProps {
  demo: ReturnType<typeof useDemo>;
  onAddConnection: () => void;
}

/** The empty app's first screen: add a connection, or try the demo on a local sample bucket. */
export function WelcomeState({ demo, onAddConnection }: WelcomeStateProps) {
  const { status, start, step } = demo;
  const unavailable = status.data && !status.data.available ? status.data.unavailableReason : undefined;
  return (
    <EmptyState title="Welcome to Bucket Admin" icon={<Cable size={28} />} testId="welcome">
      <p>Connect to your own bucket with access keys or an AWS profile, or look around a demo bucket first.</p>
      <div className="welcome-actions">
        <Button variant="primary" icon={<Plus size={16} />} onClick={onAddConnection} data-testid="welcome-add-connection">
          Add connection
        </Button>
        <Button
          icon={<FlaskConical size={16} />}
          onClick={() => start.mutate()}
          busy={start.isPending}
          disabled={Boolean(unavailable) || status.isPending}
          data-testid="welcome-try-demo"
        >
          Try the demo
        </Button>
      </div>
      <p className="field-hint" role="status" aria-live="polite" data-testid="welcome-demo-step">
        {start.isPending
          ? (step ?? 'Starting the demo…')
          : 'The demo runs a local S3 server on this computer with sample media under public/ and private/; it stops when the app does.'}
      </p>
      {unavailable ? (
        <p className="field-hint" data-testid="welcome-demo-unavailable">
          {unavailable}
        </p>
      ) : null}
      {start.isError ? <ErrorBanner title="The demo could not start." message={start.error.message} testId="welcome-demo-error" /> : null}
    </EmptyState>
  );
}
