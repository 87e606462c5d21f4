import { buildApi, type BucketAdminApi } from '../../shared/api-surface';
import { addressWithoutToken, browserHostSocketUrl, pageToken } from './host-url';
import { createWsTransport } from './transport-ws';
import { browserSocket } from './ws-socket';

export { call, ClientError } from './client-error';

/**
 * The one API object the renderer uses. In Electron the preload provides it; in the browser
 * host the same surface is built over a WebSocket, so features never know which host they run in.
 */
function resolveApi(): BucketAdminApi {
  if (window.bucketAdmin) return window.bucketAdmin;
  const socketUrl = browserHostSocketUrl(window.location.href);
  const token = pageToken(window.location.href, window.sessionStorage);
  // The token leaves the address bar, history and bookmarks; this tab keeps it for reloads.
  const clean = addressWithoutToken(window.location.href);
  if (clean) window.history.replaceState(window.history.state, '', clean);
  const transport = createWsTransport(browserSocket(socketUrl), token ? { token } : {});
  return buildApi(transport.invoke, transport.subscribe);
}

export const api: BucketAdminApi = resolveApi();
