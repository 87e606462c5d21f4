/**
 * The sandboxed preload (bundled to one CommonJS file). It exposes exactly one object,
 * `window.bucketAdmin`: named methods built from the contract, never `ipcRenderer` or a
 * generic invoke, so page script can reach only the channels main serves and validates.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildApi, grantDroppedPathMessage, type Invoke, type NativeFiles, type Subscribe } from '../shared/api-surface';
import type { Result } from '../shared/result';

const invoke: Invoke = async (channel, input) => {
  try {
    return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
  } catch {
    // Only a missing handler (main still starting or shutting down) rejects; keep the envelope
    // so the UI can branch on a code as it does for every other failure.
    return {
      ok: false,
      error: { code: 'Internal', message: 'The app did not answer this request. Try again; if it persists, restart the app.' },
    };
  }
};

const subscribe: Subscribe = (event, listener) => {
  // Listeners get the payload only: the IpcRendererEvent would hand the page `sender` (ipcRenderer).
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

// Dropped files: the page gets the path string, never a file handle or fs access; main validates
// and reads. The only non-contract function exposed. Main reads only paths the user chose, so the
// path is granted here; sendSync, so the grant is in place before the page's next invoke.
const files: NativeFiles = {
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file as File);
    if (path) ipcRenderer.sendSync(grantDroppedPathMessage, path);
    return path;
  },
};

contextBridge.exposeInMainWorld('bucketAdmin', { ...buildApi(invoke, subscribe), files });
