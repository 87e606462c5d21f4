import type { settingsChannels } from '../../../shared/channels/setting-channels';
import type { HandlersFor } from '../router';
import type { SettingsService } from './settings-service';

/** `settings:*`: the app-wide settings sheet (input validated by the router against the contract). */
export function createSettingsHandlers(settings: SettingsService): HandlersFor<keyof typeof settingsChannels> {
  return {
    'settings:get': () => Promise.resolve(settings.view()),
    'settings:set': ({ patch }) => Promise.resolve(settings.update(patch)),
  };
}
