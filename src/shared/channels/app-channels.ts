import { z } from 'zod';
import type { AppInfo } from '../model/app';
import { noInput, returns } from './define';

export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a job ID.');

export const appChannels = {
  'app:info': { input: noInput, result: returns<AppInfo>() },
  'jobs:cancel': {
    input: z.object({ jobId: jobIdSchema }).strict(),
    result: returns<{ cancelled: boolean }>(),
  },
} as const;
