import type { Channel, EventName } from './contract';
import type { Result } from './result';

/**
 * Messages between the renderer and the browser host over its WebSocket (`/ws`). The first
 * message must be `hello` with the per-run token: the upgrade's cookie alone never opens the
 * API (other local servers receive 127.0.0.1's cookies too). Then the same calls as Electron
 * IPC, one JSON message each; `id` pairs a result with its request.
 */
export type ClientMessage = { type: 'hello'; token: string } | { type: 'invoke'; id: number; channel: Channel; input: unknown };

export type ServerMessage = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: EventName; payload: unknown };

/** Query parameter that carries the browser host's per-run token in the address it prints. */
export const tokenParam = 'token';
export const wsPath = '/ws';

/** Largest message either side accepts; the router refuses inputs far smaller (256 KB). */
export const maxMessageBytes = 1024 * 1024;

/** Close codes the host uses, so the page can say what happened. */
export const closeCodes = {
  /** RFC 6455: the message was larger than `maxMessageBytes`. */
  tooBig: 1009,
  /** The first message was not a `hello` with this run's token. */
  unauthorized: 4401,
} as const;
