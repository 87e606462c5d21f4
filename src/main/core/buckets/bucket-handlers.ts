import type { bucketChannels } from '../../../shared/channels/bucket-channels';
import type { BucketHealthService } from '../access/health/bucket-health-service';
import type { ConnectionsService } from '../connections/connections-service';
import type { HandlersFor } from '../router';
import { listBuckets } from './bucket-lister';

/** Bucket channels: which buckets a saved connection can use, and each bucket's health and fixes. */
export function createBucketHandlers(
  connections: ConnectionsService,
  health: BucketHealthService,
): HandlersFor<keyof typeof bucketChannels> {
  return {
    'buckets:list': ({ connectionId }) => listBuckets(connections.resolve(connectionId)),
    'buckets:health': ({ connectionId, bucket, refresh }) => health.health(connectionId, bucket, refresh ?? false),
    'buckets:previewFix': ({ connectionId, bucket, fix }) => health.preview(connectionId, bucket, fix),
    'buckets:applyFix': ({ connectionId, bucket, fix, expected }) => health.apply(connectionId, bucket, fix, expected),
    'buckets:undoFix': ({ connectionId, bucket, kind }) => health.undoFix(connectionId, bucket, kind),
  };
}
