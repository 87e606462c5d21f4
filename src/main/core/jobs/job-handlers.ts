import type { jobChannels } from '../../../shared/channels/job-channels';
import type { HandlersFor } from '../router';
import type { JobService } from './job-service';

/** Job channels: cancel long work by its id. */
export function createJobHandlers(jobs: JobService): HandlersFor<keyof typeof jobChannels> {
  return {
    'jobs:cancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
  };
}
