import type { DialogResult } from '../../shared/channels/dialog-channels';
import type { DialogPort, SaveFileOptions } from '../core/dialogs/dialog-port';

/** The slice of Electron's `dialog.showOpenDialog` options we use. */
export interface OpenDialogOptions {
  title: string;
  buttonLabel: string;
  properties: Array<'openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory' | 'treatPackageAsDirectory'>;
}

/** The slice of Electron's `dialog.showSaveDialog` options we use. */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: SaveFileOptions['filters'];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/** Electron's `dialog` and the window to attach dialogs to; injected so the adapter is testable without Electron. */
export interface ElectronDialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

/**
 * The core's dialog port over Electron's native open dialogs, shown as sheets of the focused
 * window. Paths come back from the OS, never from the page; a chosen download folder is then
 * granted for writing by the core.
 */
export function createElectronDialogs<W>(dialog: ElectronDialogLike<W>, focusedWindow: () => W | null): DialogPort {
  const open = async (options: OpenDialogOptions): Promise<DialogResult> => {
    const window = focusedWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? { canceled: true, paths: [] } : { canceled: false, paths: result.filePaths };
  };
  return {
    chooseFiles: () => open({ title: 'Upload files', buttonLabel: 'Upload', properties: ['openFile', 'multiSelections'] }),
    // macOS can pick several folders; Windows and Linux dialogs pick one.
    chooseFolder: () => open({ title: 'Upload folders', buttonLabel: 'Upload', properties: ['openDirectory', 'multiSelections'] }),
    chooseDownloadFolder: () =>
      open({ title: 'Download to folder', buttonLabel: 'Download here', properties: ['openDirectory', 'createDirectory'] }),
    chooseSaveFile: async ({ title, defaultName, filters }) => {
      const options: SaveDialogOptions = {
        title,
        defaultPath: defaultName,
        buttonLabel: 'Save',
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = focusedWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? { canceled: true, paths: [] } : { canceled: false, paths: [result.filePath] };
    },
  };
}
