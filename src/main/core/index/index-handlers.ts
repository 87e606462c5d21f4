import type { indexChannels } from '../../../shared/channels/index-channels';
import type { HandlersFor } from '../router';
import type { IndexSyncService } from './index-sync-service';
import type { InventoryImportService } from './inventory/inventory-import-service';

/** Index channels: sync a bucket (or import its S3 Inventory) into the index, follow and pause syncs, list a bucket's syncs. */
export function createIndexHandlers(sync: IndexSyncService, inventory: InventoryImportService): HandlersFor<keyof typeof indexChannels> {
  return {
    'index:sync': (input) => sync.start(input),
    'index:syncs': ({ connectionId, bucket }) => sync.list(connectionId, bucket),
    'index:importInventory': (input) => inventory.start(input),
    'index:findInventories': (input) => inventory.find(input),
    'index:syncStatus': ({ jobId }) => Promise.resolve(sync.status(jobId) ?? inventory.status(jobId)),
    'index:pauseSync': ({ jobId }) => Promise.resolve({ paused: sync.pause(jobId) }),
  };
}
