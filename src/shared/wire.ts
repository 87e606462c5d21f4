import type { Channel, EventName } from './contract';
import type { Result } from './result';

/**
 * Messages between the renderer and the browser host over its WebSocket (`/ws?token=…`).
 * Same calls as Electron IPC, one JSON message each; `id` pairs a result with its request.
 */
export type ClientMessage = { type: 'invoke'; id: number; channel: Channel; input: unknown };

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };

/** Query parameter that carries the browser host's per-run token. */
export const tokenParam = 'token';
export const wsPath = '/ws';
