import type { AppInfo } from '../model/app';
import { noInput, returns } from './define';

export const appChannels = {
  'app:info': { input: noInput, result: returns<AppInfo>() },
} as const;
