import { existsSync, mkdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { DialogPort } from '../core/dialogs/dialog-port';
import { firstFreeName } from '../core/transfers/plan/conflict-names';

/**
 * The browser host cannot open native dialogs: the page picks files itself (an <input type=file>
 * or a drop) and stages them through `POST /__stage`. Downloads go to one configured folder
 * (`--download-dir`, `BUCKET_ADMIN_DOWNLOAD_DIR`, else `<dataDir>/downloads`), which "choosing"
 * grants like a folder picked in Electron's dialog. Exports are saved there too, under the name
 * main proposes, numbered (`name (1).csv`) rather than replacing a file already there.
 */
export function createBrowserDialogs(downloadDir: string): DialogPort {
  const unsupported = (what: string) => ({
    canceled: true,
    paths: [],
    unsupported: `The browser version cannot open a ${what} dialog. Drag files or folders onto the file list instead.`,
  });
  return {
    chooseFiles: () => Promise.resolve(unsupported('file')),
    chooseFolder: () => Promise.resolve(unsupported('folder')),
    chooseDownloadFolder: () => {
      mkdirSync(downloadDir, { recursive: true });
      return Promise.resolve({ canceled: false, paths: [downloadDir] });
    },
    chooseSaveFile: ({ defaultName }) => {
      mkdirSync(downloadDir, { recursive: true });
      const path = join(downloadDir, defaultName);
      return Promise.resolve({ canceled: false, paths: [existsSync(path) ? firstFreeName(path, existsSync, sep) : path] });
    },
  };
}
