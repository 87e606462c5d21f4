import type { DialogResult, dialogChannels } from '../../../shared/channels/dialog-channels';
import type { LocalGrants } from '../files/local-grants';
import type { HandlersFor } from '../router';
import type { DialogPort } from './dialog-port';

/**
 * The dialog channels. What the user picks is granted here, in main, as the dialog returns:
 * upload picks for reading, a download folder for writing. The page only ever gets the paths.
 */
export function createDialogHandlers(dialogs: DialogPort, grants: LocalGrants): HandlersFor<keyof typeof dialogChannels> {
  const granting = (grant: (item: string) => unknown) => (result: DialogResult) => {
    if (!result.canceled) for (const item of result.paths) grant(item);
    return result;
  };
  const read = granting((item) => grants.grantRead(item));
  return {
    'dialogs:chooseFiles': async () => read(await dialogs.chooseFiles()),
    'dialogs:chooseFolder': async () => read(await dialogs.chooseFolder()),
    'dialogs:chooseDownloadFolder': async () => granting((folder) => grants.grantWrite(folder))(await dialogs.chooseDownloadFolder()),
  };
}
