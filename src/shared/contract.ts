import { z } from 'zod';
import { bucketRefSchema, keySchema, type BucketSummary, type ListPage } from './model/bucket';
import {
  connectionDraftSchema,
  connectionIdSchema,
  type Connection,
  type ConnectionTestReport,
} from './model/connection';
import type { AppInfo, JobProgress } from './model/app';

/**
 * The one IPC contract. Each request channel (`domain:verb`) has a runtime schema for its input,
 * checked in main before any service runs, and a result type. Push events are a second map.
 * Both hosts (Electron ipcMain and the browser host) serve exactly this table.
 */

/** Carries a result type without a runtime value. */
const returns = <T>(): T => undefined as T;

const none = z.object({}).strict();
const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a job ID.');

export const channels = {
  'app:info': { input: none, result: returns<AppInfo>() },

  'connections:list': { input: none, result: returns<Connection[]>() },
  'connections:add': { input: connectionDraftSchema, result: returns<Connection>() },
  'connections:update': {
    input: z.object({ id: connectionIdSchema, draft: connectionDraftSchema }).strict(),
    result: returns<Connection>(),
  },
  'connections:remove': {
    input: z.object({ id: connectionIdSchema }).strict(),
    result: returns<{ removed: boolean }>(),
  },
  /** Test a saved connection by id, or a draft before saving (with `id` to reuse a stored secret). */
  'connections:test': {
    input: z.union([
      z.object({ id: connectionIdSchema }).strict(),
      z.object({ draft: connectionDraftSchema, id: connectionIdSchema.optional() }).strict(),
    ]),
    result: returns<ConnectionTestReport>(),
  },
  /** Profile names found in the shared AWS config and credentials files. */
  'connections:profiles': { input: none, result: returns<string[]>() },

  'buckets:list': {
    input: z.object({ connectionId: connectionIdSchema }).strict(),
    result: returns<BucketSummary[]>(),
  },

  'browse:list': {
    input: bucketRefSchema
      .extend({
        prefix: keySchema,
        continuationToken: z.string().max(4096).optional(),
        pageSize: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    result: returns<ListPage>(),
  },

  'jobs:cancel': {
    input: z.object({ jobId: jobIdSchema }).strict(),
    result: returns<{ cancelled: boolean }>(),
  },
} as const;

/** Push events from main to the renderer, each carrying its job id where it has one. */
export const events = {
  'jobs:progress': returns<JobProgress>(),
} as const;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelResult<C extends Channel> = (typeof channels)[C]['result'];
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E];

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
