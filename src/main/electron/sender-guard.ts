import { sameOrigin } from './origin';
import type { FrameLike, WindowRegistry } from './window-registry';

/** The part of an `IpcMainInvokeEvent` the guard reads. */
export interface SenderEvent {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

/** An `IpcMainEvent` of `ipcRenderer.sendSync`: the sender's answer goes in `returnValue`. */
export interface SyncSenderEvent extends SenderEvent {
  returnValue: unknown;
}

/**
 * True when a message comes from the main frame of one of our windows while it shows our
 * renderer. Checked once per message, in the IPC wrapper, before any input is parsed:
 * an iframe, a navigated-away page or a window we did not create gets nothing.
 */
export function isTrustedSender(event: SenderEvent, registry: WindowRegistry, rendererOrigin: string): boolean {
  const frame = event.senderFrame;
  // null when the frame navigated or was destroyed after sending: its origin is unknowable.
  if (frame === null) return false;
  if (!registry.has(event.sender.id)) return false;
  const main = event.sender.mainFrame;
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && sameOrigin(frame.url, rendererOrigin);
}
