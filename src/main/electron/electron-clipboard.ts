import type { ClipboardPort } from '../core/share/clipboard-port';

/** The slice of Electron's `clipboard` we use; injected so the adapter is testable without Electron. */
export interface ElectronClipboardLike {
  writeText(text: string): void;
}

/** The core's clipboard port over Electron's `clipboard` (the system clipboard, written from main). */
export function createElectronClipboard(clipboard: ElectronClipboardLike): ClipboardPort {
  return { writeText: (text) => clipboard.writeText(text) };
}
