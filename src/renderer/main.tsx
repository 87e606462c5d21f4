// Installs React Refresh from a module instead of the inline script Vite would add in dev,
// which our CSP (script-src 'self') blocks. In a production build this import is empty.
import '@vitejs/plugin-react/preamble';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setAppState } from './app/app-state';
import { createQueryClient } from './app/query-client';
import { applyRememberedTheme } from './features/settings/theme';

// A theme pinned in Settings paints from the first frame, before the settings are asked for.
applyRememberedTheme();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');

createRoot(rootElement, {
  // React unmounts everything after a render crash; say so, on screen and for tests waiting on #root.
  onUncaughtError(error) {
    console.error(error);
    setAppState(rootElement, 'error');
    rootElement.textContent = 'Bucket Admin hit an unexpected error. Reload the window; if it happens again, check the log.';
  },
}).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App rootElement={rootElement} />
    </QueryClientProvider>
  </StrictMode>,
);
