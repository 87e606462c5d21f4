import type { bucketChannels } from '../../../shared/channels/bucket-channels';
import type { ConnectionsService } from '../connections/connections-service';
import type { HandlersFor } from '../router';
import { listBuckets } from './bucket-lister';

/** Bucket channels: which buckets a saved connection can use. */
export function createBucketHandlers(connections: ConnectionsService): HandlersFor<keyof typeof bucketChannels> {
  return {
    'buckets:list': ({ connectionId }) => listBuckets(connections.resolve(connectionId)),
  };
}
