import type { indexChannels } from '../../../shared/channels/index-channels';
import type { HandlersFor } from '../router';
import type { IndexSyncService } from './index-sync-service';

/** Index channels: sync a bucket into the index, follow and pause syncs, list a bucket's syncs. */
export function createIndexHandlers(sync: IndexSyncService): HandlersFor<keyof typeof indexChannels> {
  return {
    'index:sync': (input) => sync.start(input),
    'index:syncs': ({ connectionId, bucket }) => sync.list(connectionId, bucket),
    'index:syncStatus': ({ jobId }) => Promise.resolve(sync.status(jobId)),
    'index:pauseSync': ({ jobId }) => Promise.resolve({ paused: sync.pause(jobId) }),
  };
}
