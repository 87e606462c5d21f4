import type { z } from 'zod';
import { appChannels } from './channels/app-channels';
import { auditChannels } from './channels/audit-channels';
import { browseChannels } from './channels/browse-channels';
import { bucketChannels } from './channels/bucket-channels';
import { connectionChannels } from './channels/connection-channels';
import { demoChannels } from './channels/demo-channels';
import { returns } from './channels/define';
import { dialogChannels } from './channels/dialog-channels';
import { indexChannels } from './channels/index-channels';
import { jobChannels } from './channels/job-channels';
import { objectChannels } from './channels/object-channels';
import { settingsChannels } from './channels/setting-channels';
import { shareChannels } from './channels/share-channels';
import { transferChannels } from './channels/transfer-channels';
import type { AppCommandEvent } from './commands/command-table';
import type { JobProgress } from './model/job';
import type { DemoProgress } from './model/demo';
import type { IndexSyncProgress } from './model/index-sync';
import type { TransferBatchFinishedEvent, TransferProgressEvent } from './model/transfer';

/**
 * The one IPC contract. Each request channel (`domain:verb`) has a runtime schema for its input,
 * checked in main before any service runs, and a result type. Push events are a second map.
 * Both hosts (Electron ipcMain and the browser host) serve exactly this table; each domain
 * declares its channels in `channels/<domain>-channels.ts` (one prefix per file) and they meet here.
 */
export const channels = {
  ...appChannels,
  ...jobChannels,
  ...connectionChannels,
  ...bucketChannels,
  ...browseChannels,
  ...objectChannels,
  ...shareChannels,
  ...transferChannels,
  ...dialogChannels,
  ...demoChannels,
  ...auditChannels,
  ...indexChannels,
  ...settingsChannels,
} as const;

/** Push events from main to the renderer, each carrying its job id where it has one. */
export const events = {
  'jobs:progress': returns<JobProgress>(),
  /** Changed transfer items and batches, at most ~10 per second. */
  'transfers:progress': returns<TransferProgressEvent>(),
  /** A batch has nothing left to run: for a notification and the dock/taskbar. */
  'transfers:batchFinished': returns<TransferBatchFinishedEvent>(),
  /** The step `demo:start` is on (installing, starting, filling the bucket). */
  'demo:progress': returns<DemoProgress>(),
  /** A sync of the object index: objects and bytes so far, pace, ETA, ranges (`index:sync`). */
  'index:progress': returns<IndexSyncProgress>(),
  /** A menu command for the focused window to run (`shared/commands/command-table.ts`). */
  'app:command': returns<AppCommandEvent>(),
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
