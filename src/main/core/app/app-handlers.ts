import type { appChannels } from '../../../shared/channels/app-channels';
import type { AppInfo } from '../../../shared/model/app';
import type { HandlersFor } from '../router';

/** App channels: what the renderer may know about the host it runs in. */
export function createAppHandlers(info: AppInfo): HandlersFor<keyof typeof appChannels> {
  return {
    'app:info': () => Promise.resolve(info),
  };
}
