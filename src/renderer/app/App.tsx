import { useEffect } from 'react';
import { toClientError } from '../api/client-error';
import { useAppInfo } from '../api/use-app-info';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingState } from '../ui/LoadingState';
import { setAppState, type AppState } from './app-state';
import { Workspace } from './Workspace';

/**
 * Waits for the first `app:info` answer: it proves the transport (IPC or WebSocket) and the core
 * both work. Only then is the app "ready"; a failure shows its message and a Retry.
 */
export function App({ rootElement }: { rootElement: HTMLElement }) {
  const info = useAppInfo();
  const state: AppState = info.isSuccess ? 'ready' : info.isError ? 'error' : 'loading';

  useEffect(() => setAppState(rootElement, state), [rootElement, state]);

  if (info.isSuccess) return <Workspace info={info.data} />;
  if (info.isError) {
    // A closed socket never reopens, so retrying the call cannot help: reload the page instead.
    const offline = toClientError(info.error).code === 'Offline';
    return (
      <div className="startup">
        <ErrorBanner title="Bucket Admin could not start." message={info.error.message}>
          <Button
            onClick={() => (offline ? window.location.reload() : void info.refetch())}
            busy={info.isFetching}
            data-testid="startup-retry"
          >
            {offline ? 'Reload' : 'Retry'}
          </Button>
        </ErrorBanner>
      </div>
    );
  }
  return (
    <div className="startup">
      <LoadingState label="Starting…" />
    </div>
  );
}
