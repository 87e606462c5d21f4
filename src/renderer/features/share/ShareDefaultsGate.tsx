import type { ReactNode } from 'react';
import type { ShareDefaults } from '../../../shared/model/share';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { useShareDefaults } from './share-queries';

export interface ShareDefaultsGateProps {
  connectionId: string;
  /** What cannot be done while the settings are missing, e.g. "Links cannot be made right now." */
  failureTitle: string;
  failureTestId?: string;
  children: (defaults: ShareDefaults) => ReactNode;
}

/** Every share dialog starts from the connection's share settings: loading, failure with Retry, then the form. */
export function ShareDefaultsGate({ connectionId, failureTitle, failureTestId, children }: ShareDefaultsGateProps) {
  const defaults = useShareDefaults(connectionId);
  if (defaults.isSuccess) return <>{children(defaults.data)}</>;
  if (defaults.isError) {
    return (
      <ErrorBanner title={failureTitle} message={defaults.error.message} {...(failureTestId ? { testId: failureTestId } : {})}>
        <Button onClick={() => void defaults.refetch()} busy={defaults.isFetching}>
          Retry
        </Button>
      </ErrorBanner>
    );
  }
  return <LoadingState label="Reading share settings…" />;
}
