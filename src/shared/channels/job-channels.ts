import { z } from 'zod';
import { jobIdSchema } from '../model/job';
import { returns } from './define';

/** Long work (delete, copy, move) answers with a job id at once; its progress comes on `jobs:progress`. */
export const jobChannels = {
  'jobs:cancel': {
    input: z.object({ jobId: jobIdSchema }).strict(),
    result: returns<{ cancelled: boolean }>(),
  },
} as const;
