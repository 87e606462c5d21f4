import type { transferChannels } from '../../../shared/channels/transfer-channels';
import type { HandlersFor } from '../router';
import type { DialogPort } from './dialog-port';
import type { FolderGrants } from './folder-grants';

type DialogChannel = Extract<keyof typeof transferChannels, `dialogs:${string}`>;

/** The dialog channels; a chosen download folder is granted for writing. */
export function createDialogHandlers(dialogs: DialogPort, grants: FolderGrants): HandlersFor<DialogChannel> {
  return {
    'dialogs:chooseFiles': () => dialogs.chooseFiles(),
    'dialogs:chooseFolder': () => dialogs.chooseFolder(),
    'dialogs:chooseDownloadFolder': async () => {
      const result = await dialogs.chooseDownloadFolder();
      if (!result.canceled) for (const folder of result.paths) grants.grant(folder);
      return result;
    },
  };
}
