import { describe, expect, it, vi } from 'vitest';
import { channelNames, type Channel } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import type { EventListener } from '../../src/main/core/app-core-types';
import { silentLogger } from '../../src/main/core/logger';
import { appOrigin } from '../../src/main/electron/origin';
import type { SenderEvent, SyncSenderEvent } from '../../src/main/electron/sender-guard';
import { grantDroppedPathMessage } from '../../src/shared/api-surface';
import { createWindowRegistry, type FrameLike, type TrackedContents } from '../../src/main/electron/window-registry';

type Handler = (event: SenderEvent, input: unknown) => Promise<Result<unknown>>;
type SyncListener = (event: SyncSenderEvent, ...args: unknown[]) => void;

const handlers = vi.hoisted(() => new Map<string, Handler>());
const syncListeners = vi.hoisted(() => new Map<string, SyncListener>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Handler) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
    on: (channel: string, listener: SyncListener) => void syncListeners.set(channel, listener),
    removeListener: (channel: string, listener: SyncListener) => {
      if (syncListeners.get(channel) === listener) syncListeners.delete(channel);
    },
  },
}));

const { bindIpc } = await import('../../src/main/electron/ipc-binding');

function frame(url: string, overrides: Partial<FrameLike> = {}): FrameLike {
  return { url, parent: null, processId: 7, routingId: 1, ...overrides };
}

function fakeContents(id: number, url = `${appOrigin}/index.html`) {
  const destroyed: (() => void)[] = [];
  const contents = {
    id,
    mainFrame: frame(url),
    isDestroyed: () => false,
    send: vi.fn<(channel: string, ...args: unknown[]) => void>(),
    once: (_event: 'destroyed', listener: () => void) => destroyed.push(listener),
    destroy: () => destroyed.forEach((l) => l()),
  };
  return contents satisfies TrackedContents;
}

function setup() {
  handlers.clear();
  const listeners: EventListener[] = [];
  const handle = vi.fn(() => Promise.resolve({ ok: true, value: 'done' } as const));
  const grantDropped = vi.fn<(path: string) => boolean>(() => true);
  const core = {
    router: { channels: channelNames, handle },
    onEvent: (l: EventListener) => (listeners.push(l), () => void listeners.splice(listeners.indexOf(l), 1)),
    localFiles: { grantDropped },
  };
  const registry = createWindowRegistry();
  const ours = fakeContents(1);
  registry.track(ours);
  const unbind = bindIpc({ core, registry, rendererOrigin: appOrigin, logger: silentLogger });
  const call = (channel: Channel, event: SenderEvent, input: unknown = {}) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, input);
  };
  /** Sends the preload's dropped-path message as `ipcRenderer.sendSync` would; answers its returnValue. */
  const sendDropped = (event: SenderEvent, path: unknown): unknown => {
    const listener = syncListeners.get(grantDroppedPathMessage);
    if (!listener) throw new Error('no listener for the dropped-path grant');
    const sync: SyncSenderEvent = { ...event, returnValue: undefined };
    listener(sync, path);
    return sync.returnValue;
  };
  return { handle, grantDropped, listeners, registry, ours, unbind, call, sendDropped };
}

const fromWindow = (contents: { id: number; mainFrame: FrameLike }): SenderEvent => ({
  sender: contents,
  senderFrame: contents.mainFrame,
});

describe('bindIpc', () => {
  it('registers a handler for every contract channel, and removes them on unbind', () => {
    const { unbind } = setup();
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('passes a trusted call to the router', async () => {
    const { handle, ours, call } = setup();
    await expect(call('connections:list', fromWindow(ours), {})).resolves.toEqual({ ok: true, value: 'done' });
    expect(handle).toHaveBeenCalledWith('connections:list', {});
  });

  it.each([
    ['a foreign origin', (c: TrackedContents): SenderEvent => ({ sender: c, senderFrame: frame('https://evil.example/') })],
    ['a file:// page', (c: TrackedContents): SenderEvent => ({ sender: c, senderFrame: frame('file:///tmp/x.html') })],
    ['a destroyed frame', (c: TrackedContents): SenderEvent => ({ sender: c, senderFrame: null })],
    ['an iframe', (c: TrackedContents): SenderEvent => ({ sender: c, senderFrame: frame(`${appOrigin}/x`, { parent: {}, routingId: 9 }) })],
    ['a window we did not create', (): SenderEvent => fromWindow(fakeContents(99))],
  ])('refuses %s with Forbidden, without calling the router', async (_label, makeEvent) => {
    const { handle, ours, call } = setup();
    const result = await call('app:info', makeEvent(ours));
    expect(result).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect(handle).not.toHaveBeenCalled();
  });

  it('stops trusting a window once it is destroyed', async () => {
    const { handle, ours, call } = setup();
    ours.destroy();
    await expect(call('app:info', fromWindow(ours))).resolves.toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect(handle).not.toHaveBeenCalled();
  });

  it('grants a path the preload reports for a dropped file, answering synchronously', () => {
    const { grantDropped, ours, sendDropped, unbind } = setup();
    expect(sendDropped(fromWindow(ours), '/home/ann/clip.mov')).toBe(true);
    expect(grantDropped).toHaveBeenCalledWith('/home/ann/clip.mov');
    unbind();
    expect(syncListeners.has(grantDroppedPathMessage)).toBe(false);
  });

  it.each([
    ['a foreign origin', (c: TrackedContents): SenderEvent => ({ sender: c, senderFrame: frame('https://evil.example/') })],
    ['an iframe', (c: TrackedContents): SenderEvent => ({ sender: c, senderFrame: frame(`${appOrigin}/x`, { parent: {}, routingId: 9 }) })],
    ['a window we did not create', (): SenderEvent => fromWindow(fakeContents(99))],
  ])('grants nothing for a dropped path from %s', (_label, makeEvent) => {
    const { grantDropped, ours, sendDropped } = setup();
    expect(sendDropped(makeEvent(ours), '/etc/passwd')).toBe(false);
    expect(grantDropped).not.toHaveBeenCalled();
  });

  it.each([['relative/path'], [''], [42], ['/a\0b']])('grants nothing for a malformed path %j', (path) => {
    const { grantDropped, ours, sendDropped } = setup();
    expect(sendDropped(fromWindow(ours), path)).toBe(false);
    expect(grantDropped).not.toHaveBeenCalled();
  });

  it('forwards core events to our windows only while they show our renderer', () => {
    const { listeners, registry, ours, unbind } = setup();
    const strayed = fakeContents(2, 'https://evil.example/');
    registry.track(strayed);
    const payload = { jobId: 'j1', kind: 'finished' } as const;
    listeners.forEach((l) => l('jobs:progress', payload));
    expect(ours.send).toHaveBeenCalledWith('jobs:progress', payload);
    expect(strayed.send).not.toHaveBeenCalled();
    unbind();
    expect(listeners).toHaveLength(0);
  });
});
