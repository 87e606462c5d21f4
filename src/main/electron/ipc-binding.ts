import { ipcMain } from 'electron';
import { grantDroppedPathMessage } from '../../shared/api-surface';
import type { EventName, EventPayload } from '../../shared/contract';
import { channelNames } from '../../shared/contract';
import { localPathSchema } from '../../shared/model/transfer';
import { fail } from '../../shared/result';
import type { AppCore } from '../core/app-core-types';
import type { Logger } from '../core/logger';
import { sameOrigin } from './origin';
import { isTrustedSender, type SenderEvent, type SyncSenderEvent } from './sender-guard';
import type { WindowRegistry } from './window-registry';

export interface IpcBindingOptions {
  core: Pick<AppCore, 'router' | 'onEvent' | 'localFiles'>;
  registry: WindowRegistry;
  /** `app://bundle` when packaged, the dev server's origin under `electron-vite dev`. */
  rendererOrigin: string;
  logger: Logger;
}

const forbidden = fail({
  code: 'Forbidden',
  message: 'This request did not come from the Bucket Admin window, so it was refused. Restart the app if you see this.',
});

/** The slice of a WebContents a push needs. */
export interface PushTarget {
  mainFrame: { url: string };
  send(channel: string, payload: unknown): void;
}

/**
 * Sends one push event to one window (the menu's `app:command` goes to the focused window only),
 * with the same origin check as the broadcast. False when that window is not ours to talk to.
 */
export function pushToWindow<E extends EventName>(target: PushTarget, rendererOrigin: string, event: E, payload: EventPayload<E>): boolean {
  if (!sameOrigin(target.mainFrame.url, rendererOrigin)) return false;
  target.send(event, payload);
  return true;
}

/**
 * Serves every contract channel over `ipcMain.handle`, guarded by the sender check, and forwards
 * core events to our windows; also takes the preload's dropped-path grants. The only module
 * allowed to touch `ipcMain` (lint-enforced).
 * Returns a function that undoes all of it.
 */
export function bindIpc(options: IpcBindingOptions): () => void {
  const { core, registry, rendererOrigin, logger } = options;

  const broadcast = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    // A window that somehow left our origin must not keep receiving job data.
    for (const contents of registry.all()) pushToWindow(contents, rendererOrigin, event, payload);
  };

  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: SenderEvent, input: unknown) => {
      if (!isTrustedSender(event, registry, rendererOrigin)) {
        logger.warn('Refused IPC from an untrusted sender', { channel, url: event.senderFrame?.url ?? null });
        return forbidden;
      }
      // The router validates the input against the contract and always answers with an envelope;
      // events a handler emits come back through core.onEvent below, like every other event.
      return core.router.handle(channel, input);
    });
  }
  const stopEvents = core.onEvent(broadcast);

  // The preload's own message (not a contract channel): a path webUtils gave it for a dropped File.
  const grantDropped = (event: SyncSenderEvent, path: unknown): void => {
    if (!isTrustedSender(event, registry, rendererOrigin)) {
      logger.warn('Refused a dropped-file grant from an untrusted sender', { url: event.senderFrame?.url ?? null });
      event.returnValue = false;
      return;
    }
    const parsed = localPathSchema.safeParse(path);
    event.returnValue = parsed.success && core.localFiles.grantDropped(parsed.data);
  };
  ipcMain.on(grantDroppedPathMessage, grantDropped);

  return () => {
    stopEvents();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
    ipcMain.removeListener(grantDroppedPathMessage, grantDropped);
  };
}
