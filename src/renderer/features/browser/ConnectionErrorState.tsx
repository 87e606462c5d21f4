import { Pencil, RotateCw } from 'lucide-react';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';

export interface ConnectionErrorStateProps {
  connectionName: string;
  /** Main's message, written for people (wrong secret, unreachable endpoint, …). */
  message: string;
  retrying: boolean;
  onRetry: () => void;
  /** Opens the connection's form; absent where the host cannot edit connections. */
  onEdit?: (() => void) | undefined;
}

/**
 * A connection that cannot list its buckets: the whole main pane says so, with the two ways out
 * (fix the connection, or try again), instead of an empty bucket column and "Choose a bucket".
 */
export function ConnectionErrorState({ connectionName, message, retrying, onRetry, onEdit }: ConnectionErrorStateProps) {
  return (
    <div className="connection-error-state">
      <ErrorBanner title={`Could not connect with “${connectionName}”`} message={message} testId="connection-error">
        {onEdit ? (
          <Button variant="primary" icon={<Pencil size={15} />} onClick={onEdit} data-testid="connection-error-edit">
            Edit connection
          </Button>
        ) : null}
        <Button icon={<RotateCw size={15} />} onClick={onRetry} busy={retrying} data-testid="buckets-retry">
          Retry
        </Button>
      </ErrorBanner>
    </div>
  );
}
