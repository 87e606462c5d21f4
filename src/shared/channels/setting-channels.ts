import { z } from 'zod';
import { appSettingsPatchSchema, type SettingsView } from '../model/settings';
import { noInput, returns } from './define';

export const settingsChannels = {
  /** The app-wide settings, their defaults, and where data and logs live. */
  'settings:get': { input: noInput, result: returns<SettingsView>() },
  /** Changes some settings (validated here, in main), applies them at once, and answers with all of them. */
  'settings:set': { input: z.object({ patch: appSettingsPatchSchema }).strict(), result: returns<SettingsView>() },
} as const;
