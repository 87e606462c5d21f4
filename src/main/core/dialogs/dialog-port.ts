import type { DialogResult } from '../../../shared/channels/dialog-channels';

/** What a save dialog proposes: main chooses these, never the page. */
export interface SaveFileOptions {
  title: string;
  /** The file name offered (the user may change it and the folder). */
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/**
 * The host's file dialogs, as a port so the core stays Electron-free: Electron shows native
 * dialogs (`src/main/electron/electron-dialogs.ts`); the browser host cannot, and says so
 * (`src/main/browser-host/browser-dialogs.ts`), except for a configured download folder, which
 * is also where its exports are saved.
 */
export interface DialogPort {
  /** Files to upload (several allowed). */
  chooseFiles(): Promise<DialogResult>;
  /** Folders to upload (several allowed where the platform can). */
  chooseFolder(): Promise<DialogResult>;
  /** One folder to download into (may be created in the dialog). */
  chooseDownloadFolder(): Promise<DialogResult>;
  /** Where to write a file main makes (an export): one path, which main then writes itself. */
  chooseSaveFile(options: SaveFileOptions): Promise<DialogResult>;
}

export const canceled: DialogResult = { canceled: true, paths: [] };

/** For hosts without dialogs (tests that never pick anything). */
export const noDialogs: DialogPort = {
  chooseFiles: () =>
    Promise.resolve({ ...canceled, unsupported: 'This host cannot show file dialogs; drop files onto the window instead.' }),
  chooseFolder: () =>
    Promise.resolve({ ...canceled, unsupported: 'This host cannot show file dialogs; drop folders onto the window instead.' }),
  chooseDownloadFolder: () => Promise.resolve({ ...canceled, unsupported: 'This host cannot show file dialogs.' }),
  chooseSaveFile: () => Promise.resolve({ ...canceled, unsupported: 'This host cannot show a save dialog.' }),
};
