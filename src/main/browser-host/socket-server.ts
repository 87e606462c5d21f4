import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { closeCodes, maxMessageBytes, tokenParam, wsPath, type ClientMessage, type ServerMessage } from '../../shared/wire';
import type { EventName, EventPayload } from '../../shared/contract';
import type { AppCore } from '../core/app-core-types';
import type { Logger } from '../core/logger';
import { hostMatches, readCookie, secretMatches } from './host-auth';

export interface SocketServerOptions {
  core: AppCore;
  logger: Logger;
  token: string;
  /** This host's exact `host:port` and origin, known once it listens. */
  address: () => { host: string; origin: string; cookieName: string };
}

export interface SocketServer {
  /** For the HTTP server's `upgrade` event. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends one push event to every signed-in page, exactly as core events travel. */
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): void;
}

/**
 * The API over one WebSocket per page. An upgrade needs our exact Host and Origin and the token
 * (query or cookie); then the first message must be `hello` with the token itself, so a
 * replayed cookie with a forged Origin still opens nothing. Every socket has an error handler:
 * an oversized or broken message closes that socket, never the host.
 */
export function createSocketServer(options: SocketServerOptions): SocketServer {
  const { core, logger, token } = options;
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  wss.on('error', (error) => logger.error('browser host: socket server error', error));

  const push = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const ws of sockets) send(ws, { type: 'event', event, payload });
  };
  const unsubscribe = core.onEvent(push);

  function accept(ws: WebSocket): void {
    let authed = false;
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for WS_ERR_UNSUPPORTED_MESSAGE_LENGTH); log and move on.
      logger.warn('browser host: socket closed after an error', { code: error.code ?? 'unknown', message: error.message });
    });
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      const message = parseClientMessage(rawToText(data));
      if (!authed) {
        if (message?.type === 'hello' && secretMatches(message.token, token)) {
          authed = true;
          sockets.add(ws);
        } else {
          ws.close(closeCodes.unauthorized, 'The first message must carry this run’s token.');
        }
        return;
      }
      if (message?.type !== 'invoke') return; // no id to pair a reply with
      void core.router.handle(message.channel, message.input).then(
        (result) => send(ws, { type: 'result', id: message.id, result }),
        (error: unknown) => logger.error('browser host: router threw', error),
      );
    });
  }

  return {
    upgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const { host, origin, cookieName } = options.address();
      const url = new URL(req.url ?? '/', origin);
      const allowed =
        url.pathname === wsPath &&
        hostMatches(req, host) &&
        req.headers.origin === origin &&
        secretMatches(url.searchParams.get(tokenParam) ?? readCookie(req, cookieName), token);
      if (!allowed) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, accept);
    },
    push,
    close() {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

type InvokeMessage = Extract<ClientMessage, { type: 'invoke' }>;

function rawToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(new Uint8Array(data)) : data).toString('utf8');
}

/** Only the envelope is checked here; the router validates channel and input. */
function parseClientMessage(text: string): ClientMessage | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    if (value?.type === 'hello' && typeof value.token === 'string') return { type: 'hello', token: value.token };
    if (value?.type !== 'invoke' || typeof value.id !== 'number') return undefined;
    return { type: 'invoke', id: value.id, channel: value.channel as InvokeMessage['channel'], input: value.input };
  } catch {
    return undefined;
  }
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
