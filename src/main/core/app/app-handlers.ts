import type { appChannels } from '../../../shared/channels/app-channels';
import type { AppInfo } from '../../../shared/model/app';
import type { HandlersFor } from '../router';

/** App channels: what the renderer may know about the host it runs in. */
/** `startup` settles once start-up work that may add to `info.notices` (opening the object index) is done. */
export function createAppHandlers(info: AppInfo, startup: Promise<void>): HandlersFor<keyof typeof appChannels> {
  return {
    'app:info': async () => {
      await startup;
      return info;
    },
  };
}
