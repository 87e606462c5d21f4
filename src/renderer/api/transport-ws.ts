import type { Invoke, Subscribe } from '../../shared/api-surface';
import type { EventName } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import { fail, type Result } from '../../shared/result';
import { closeCodes, type ClientMessage, type ServerMessage } from '../../shared/wire';

/** What the transport needs from a socket; the browser's WebSocket is adapted in ws-socket.ts. */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  /** `code` is the WebSocket close code when the socket reports one. */
  onClose(code?: number): void;
}

export interface SocketConnection {
  send(data: string): void;
  close(): void;
}

/** Opens the socket and wires its handlers; may throw (bad URL, blocked by CSP). */
export type ConnectSocket = (handlers: SocketHandlers) => SocketConnection;

export type TransportState = 'connecting' | 'open' | 'closed';

export interface WsTransport {
  invoke: Invoke;
  subscribe: Subscribe;
  readonly state: TransportState;
  close(): void;
}

export interface TransportOptions {
  /** Sent as the first message (`hello`): the host opens its API only to a page that holds the token. */
  token?: string;
  /** How long the socket may stay connecting before it counts as offline. */
  openTimeoutMs?: number;
  /** Injected for tests; defaults to the global timers. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The error every call gets once the socket is gone; there is no reconnect by design. */
export const offlineError: AppErrorShape = {
  code: 'Offline',
  message: 'Lost the connection to the app’s host. Check that the browser host is still running, then open the address it printed.',
};

/** Why the host closed the socket, in words, when its close code says. */
function closedError(code: number | undefined): AppErrorShape {
  if (code === closeCodes.tooBig) {
    return {
      code: 'InvalidInput',
      message: 'A request was too large for the app’s host, which closed the connection. Reload the page, then try a smaller selection.',
    };
  }
  if (code === closeCodes.unauthorized) {
    return {
      code: 'AccessDenied',
      message: 'The app’s host did not accept this page’s token. Open the address the browser host printed when it started.',
    };
  }
  return offlineError;
}

/**
 * Calls over one WebSocket speaking src/shared/wire.ts. Calls made before the socket opens are
 * queued; each result is paired with its call by id. Calls never reject: a closed socket answers
 * every pending and later call with an `Offline` failure, like any other Result.
 */
export function createWsTransport(connect: ConnectSocket, options: TransportOptions = {}): WsTransport {
  const openTimeoutMs = options.openTimeoutMs ?? 10_000;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let state: TransportState = 'connecting';
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const queue: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: SocketConnection | undefined;
  let closeReason = offlineError;

  // A server that accepts TCP but never completes the upgrade (e.g. a dev server without our
  // host behind it) would otherwise leave every call, and the app, waiting forever.
  const openTimer = setTimer(() => {
    if (state !== 'connecting') return;
    socket?.close();
    shutDown();
  }, openTimeoutMs);

  function shutDown(code?: number): void {
    if (state === 'closed') return;
    state = 'closed';
    closeReason = closedError(code);
    clearTimer(openTimer);
    queue.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const settle of waiting) settle(fail(closeReason));
  }

  const handlers: SocketHandlers = {
    onOpen() {
      if (state !== 'connecting') return;
      state = 'open';
      clearTimer(openTimer);
      if (options.token !== undefined) socket?.send(JSON.stringify({ type: 'hello', token: options.token } satisfies ClientMessage));
      for (const text of queue.splice(0)) socket?.send(text);
    },
    onMessage(data) {
      const message = parseServerMessage(data);
      if (message?.type === 'result') {
        const settle = pending.get(message.id);
        pending.delete(message.id);
        settle?.(message.result);
      } else if (message?.type === 'event') {
        for (const listener of listeners.get(message.event) ?? []) {
          try {
            listener(message.payload);
          } catch {
            // One faulty listener must not stop the others from hearing the event.
          }
        }
      }
    },
    onClose: (code) => shutDown(code),
  };

  try {
    socket = connect(handlers);
  } catch {
    shutDown();
  }

  const invoke: Invoke = (channel, input) => {
    if (state === 'closed') return Promise.resolve(fail(closeReason));
    const id = nextId++;
    const message: ClientMessage = { type: 'invoke', id, channel, input };
    const text = JSON.stringify(message);
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve);
      if (state === 'open') socket?.send(text);
      else queue.push(text);
    });
  };

  const subscribe: Subscribe = (event, listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  return {
    invoke,
    subscribe,
    get state() {
      return state;
    },
    close() {
      socket?.close();
      shutDown();
    },
  };
}

/** Accepts only well-formed server messages; anything else is ignored rather than trusted. */
export function parseServerMessage(data: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.type === 'result' && typeof m.id === 'number' && isResult(m.result)) {
    return { type: 'result', id: m.id, result: m.result };
  }
  if (m.type === 'event' && typeof m.event === 'string') {
    return { type: 'event', event: m.event as EventName, payload: m.payload };
  }
  return null;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}
