import type { SyncTuning } from './index/bucket-sync';
import type { ImportTuning } from './index/inventory/inventory-import-service';
import type { EventName, EventPayload } from '../../shared/contract';
import type { ObjectRequest, ObjectResponse } from './browse/object-stream';
import type { SecretStore } from './connections/secret-store';
import type { LocalGatewayPort } from './demo/local-gateway-port';
import type { Logger } from './logger';
import type { LogsPort } from './app/logs-port';
import type { ThemePort } from './app/theme-port';
import type { DragOutPort } from './app/drag-out-files';
import type { Router } from './router';
import type { WindowState } from './app/window-state';
import type { ClipboardPort } from './share/clipboard-port';
import type { DialogPort } from './dialogs/dialog-port';
import type { TransferEngineOptions } from './transfers/queue/engine-options';

export interface AppCoreOptions {
  /** Folder for the SQLite file and logs. */
  dataDir: string;
  secretStore: SecretStore;
  host: 'electron' | 'browser';
  version: string;
  logger: Logger;
  /** The OS clipboard (Electron); absent in the browser host, where the renderer copies. */
  clipboard?: ClipboardPort;
  /** The host's file dialogs (native in Electron); without it, dialogs answer "not available". */
  dialogs?: DialogPort;
  /** Where previews are served (`AppInfo.previewBase`); a host that learns it later calls `setPreviewBase`. */
  previewBase?: string;
  /** The demo's local S3 server (`src/main/local-gateway/demo-gateway.ts`); without it the demo says it cannot run here. */
  demoGateway?: LocalGatewayPort;
  /** Transfer engine tunables; tests shrink part sizes, timeouts and retry waits. */
  transfers?: Partial<TransferEngineOptions>;
  /** Where the host writes its log and how it shows that folder; without it, "standard error" and no reveal. */
  logs?: LogsPort;
  /** Where the theme setting is applied beyond the page (Electron's `nativeTheme`); the browser host has none. */
  theme?: ThemePort;
  /** Starts an OS drag with a prepared file (Electron's `startDrag`); without it, `app:dragOut` is refused as unsupported. */
  dragOut?: DragOutPort;
  /** Where files prepared for dragging out are fetched (this run's folder; removed on close). Default: under the OS temp folder. */
  dragOutDir?: string;
  /** How a user moves the data folder on this host (shown in Settings). */
  dataFolderHint?: string;
  /** How index syncs list (ranges in parallel, probes); tests and the bench tune it. */
  indexSyncTuning?: SyncTuning;
  /** Bulk edits' parallel copies (and the copy engine's tuning); tests and benches set them. */
  bulk?: { concurrency?: number };
  /** Rows per write and per merge step of an inventory import; tests shrink them. */
  indexImportTuning?: ImportTuning;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Everything a host needs: the router to serve, events to forward, and shutdown. */
export interface AppCore {
  router: Router;
  /** Object bytes for previews and saves (`/__object`), streamed with range support. */
  objects: { open(request: ObjectRequest): Promise<ObjectResponse> };
  /**
   * Paths the user dropped onto the window, granted for reading. Electron's shell calls this with
   * what `webUtils.getPathForFile` gave the preload (a path the page cannot make up); false when
   * nothing exists there.
   */
  localFiles: { grantDropped(path: string): boolean };
  onEvent(listener: EventListener): () => void;
  /** The Electron window's remembered size and place (`app_settings` row `window.state`). */
  windowState: { load(): WindowState | null; save(state: WindowState): void };
  /** The browser host starts its preview server after the core: it tells the core here. */
  setPreviewBase(base: string): void;
  close(): void;
}
