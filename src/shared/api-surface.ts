import {
  channelNames,
  eventNames,
  type Channel,
  type ChannelInput,
  type ChannelResult,
  type EventName,
  type EventPayload,
} from './contract';
import type { Result } from './result';

/**
 * The object the renderer sees as `window.bucketAdmin`: one named method per contract channel
 * (`connections:list` -> `api.connections.list`) and one subscriber per event
 * (`jobs:progress` -> `api.events.jobsProgress`). No generic invoke is ever exposed to the page.
 */
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type CamelEvent<E extends string> = E extends `${infer D}:${infer V}` ? `${D}${Capitalize<V>}` : never;

export type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export type BucketAdminApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: (input: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>;
  };
} & {
  events: { [E in EventName as CamelEvent<E>]: (listener: Listener<E>) => () => void };
  /** Electron only (absent in the browser host, which stages dropped files over HTTP instead). */
  files?: NativeFiles;
};

/**
 * What the preload adds beside the contract: the disk path of a dropped File (Electron's
 * `webUtils.getPathForFile`), so main reads the file itself. '' for a File not from the disk.
 * Getting the path also grants main permission to read it (see `grantDroppedPathMessage`).
 * The parameter is a DOM `File`; typed loosely because src/shared has no DOM types.
 */
export interface NativeFiles {
  pathForFile(file: object): string;
}

/**
 * The preload's private message (`ipcRenderer.sendSync`, not a contract channel, never exposed
 * to the page): "the user dropped a file at this path". Only the preload sends it, with a path
 * from `webUtils.getPathForFile`, which the page cannot make up for a file it did not get from
 * the OS; main grants the path for reading before the page's next request can name it.
 */
export const grantDroppedPathMessage = 'bucketAdmin:grantDroppedPath';

export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function eventMethodName(event: EventName): string {
  const [domain = '', verb = ''] = event.split(':');
  return domain + verb.charAt(0).toUpperCase() + verb.slice(1);
}

/** Builds the named surface over a transport (Electron IPC in the preload, WebSocket in a browser). */
export function buildApi(invoke: Invoke, subscribe: Subscribe): BucketAdminApi {
  const events: Record<string, unknown> = {};
  const api: Record<string, Record<string, unknown>> = { events };
  for (const channel of channelNames) {
    const [domain = '', verb = ''] = channel.split(':');
    const methods = (api[domain] ??= {});
    methods[verb] = (input: unknown) => invoke(channel, input);
  }
  for (const event of eventNames) {
    events[eventMethodName(event)] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  }
  return api as unknown as BucketAdminApi;
}
