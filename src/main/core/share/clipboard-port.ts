/**
 * The OS clipboard, as the core sees it. The Electron shell implements it with electron's
 * `clipboard`; the browser host has none (Node cannot reach the user's clipboard), so results say
 * `copiedByMain: false` and the renderer copies with `navigator.clipboard.writeText`.
 */
export interface ClipboardPort {
  writeText(text: string): void;
}
