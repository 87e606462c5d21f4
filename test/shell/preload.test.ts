import { describe, expect, it, vi } from 'vitest';
import { eventMethodName, grantDroppedPathMessage } from '../../src/shared/api-surface';
import { channelNames, eventNames } from '../../src/shared/contract';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  ipcRenderer: {
    invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>(),
    sendSync: vi.fn<(channel: string, ...args: unknown[]) => unknown>(() => true),
    on: vi.fn<(event: string, listener: Listener) => void>(),
    removeListener: vi.fn<(event: string, listener: Listener) => void>(),
  },
  webUtils: { getPathForFile: vi.fn<(file: unknown) => string>(() => '/home/ann/clip.mov') },
}));
vi.mock('electron', () => electron);

await import('../../src/preload/index');

const exposed = electron.contextBridge.exposeInMainWorld.mock.calls;
const api = exposed[0]?.[1] as Record<string, Record<string, (arg: unknown) => unknown>>;

/** Every function reachable from the exposed object, with its dotted path. */
function functionsIn(value: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (value === null || typeof value !== 'object') return found;
  for (const [key, child] of Object.entries(value)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'function') found.set(at, child);
    else for (const [k, v] of functionsIn(child, at)) found.set(k, v);
  }
  return found;
}

describe('preload', () => {
  it('exposes exactly one key, bucketAdmin', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe('bucketAdmin');
  });

  it('has one method per contract channel, and nothing else besides events and files.pathForFile', () => {
    const methods = [...functionsIn(api).keys()].filter((p) => !p.startsWith('events.') && p !== 'files.pathForFile');
    expect(methods.map((p) => p.replace('.', ':')).sort()).toEqual([...channelNames].sort());
    const subscribers = [...functionsIn(api.events).keys()];
    expect(subscribers.sort()).toEqual(eventNames.map(eventMethodName).sort());
  });

  it('resolves a dropped file to its path through webUtils, and nothing more', () => {
    const file = { name: 'clip.mov' };
    expect(api.files?.pathForFile?.(file)).toBe('/home/ann/clip.mov');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(Object.keys(api.files ?? {})).toEqual(['pathForFile']);
  });

  it('grants the dropped path in main synchronously, before the page gets it (so before its next invoke)', () => {
    electron.ipcRenderer.sendSync.mockClear();
    electron.ipcRenderer.invoke.mockClear();
    const path = api.files?.pathForFile?.({ name: 'clip.mov' });
    expect(electron.ipcRenderer.sendSync.mock.calls).toEqual([[grantDroppedPathMessage, '/home/ann/clip.mov']]);
    expect(path).toBe('/home/ann/clip.mov');
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('grants nothing for a File that is not on disk (webUtils gives no path)', () => {
    electron.ipcRenderer.sendSync.mockClear();
    electron.webUtils.getPathForFile.mockReturnValueOnce('');
    expect(api.files?.pathForFile?.({ name: 'made-up.txt' })).toBe('');
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('exposes no generic invoke, send or ipcRenderer', () => {
    for (const path of functionsIn(api).keys()) {
      expect(path.split('.').at(-1)).not.toMatch(/^(invoke|send|sendSync|ipcRenderer|on|emit|postMessage)$/i);
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke/);
  });

  it('invokes the named channel and returns its envelope', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(api.connections?.list?.({})).resolves.toEqual({ ok: true, value: [] });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('connections:list', {});
  });

  it('turns a transport failure into an error envelope', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'app:info'"));
    await expect(api.app?.info?.({})).resolves.toMatchObject({ ok: false, error: { code: 'Internal' } });
  });

  it('gives listeners the payload only and unsubscribes exactly that listener', () => {
    for (const event of eventNames) {
      const listener = vi.fn();
      const unsubscribe = api.events?.[eventMethodName(event)]?.(listener) as () => void;
      const [registeredEvent, forward] = electron.ipcRenderer.on.mock.lastCall ?? [];
      expect(registeredEvent).toBe(event);

      const payload = { jobId: 'j1', kind: 'finished' };
      forward?.({ sender: 'the IpcRendererEvent' }, payload);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener).toHaveBeenCalledWith(payload);

      expect(typeof unsubscribe).toBe('function');
      unsubscribe();
      expect(electron.ipcRenderer.removeListener).toHaveBeenLastCalledWith(event, forward);
    }
  });
});
