import { tokenParam, wsPath } from '../../shared/wire';

/**
 * Where the browser host's WebSocket is, derived from the page address. The token is passed
 * along when the address has one; after a reload it is gone from the address and the host's
 * HttpOnly cookie lets the upgrade through, but only the `hello` message with the token opens
 * the API.
 */
export function browserHostSocketUrl(pageHref: string): string {
  const page = new URL(pageHref);
  const socket = new URL(wsPath, page);
  socket.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  socket.search = '';
  socket.hash = '';
  const token = page.searchParams.get(tokenParam);
  if (token) socket.searchParams.set(tokenParam, token);
  return socket.toString();
}

/**
 * The page address without its token, for history.replaceState: the token then stays out of
 * the address bar, bookmarks and copied links. Returns null when there is nothing to remove.
 */
export function addressWithoutToken(pageHref: string): string | null {
  const page = new URL(pageHref);
  if (!page.searchParams.has(tokenParam)) return null;
  page.searchParams.delete(tokenParam);
  return page.toString();
}

const tokenStorageKey = 'bucket-admin-token';

/**
 * The browser host's token for this tab: from the address when it has one (kept in this tab's
 * sessionStorage, which only our own origin can read), else what this tab kept before a reload.
 * The socket's first message must carry it: the cookie alone never opens the API.
 */
export function pageToken(pageHref: string, storage: Pick<Storage, 'getItem' | 'setItem'>): string | null {
  const fromAddress = new URL(pageHref).searchParams.get(tokenParam);
  if (fromAddress) {
    storage.setItem(tokenStorageKey, fromAddress);
    return fromAddress;
  }
  return storage.getItem(tokenStorageKey);
}
