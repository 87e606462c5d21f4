import type { transferChannels } from '../../../shared/channels/transfer-channels';
import type { HandlersFor } from '../router';
import type { TransferService } from './transfer-service';

/** Transfer channels: plans, starts, the queue's list and controls. */
export function createTransferHandlers(transfers: TransferService): HandlersFor<keyof typeof transferChannels> {
  return {
    'transfers:defaults': ({ connectionId, bucket, prefix }) => Promise.resolve(transfers.defaults(connectionId, bucket, prefix)),
    'transfers:getDefaults': ({ connectionId }) => Promise.resolve(transfers.getDefaults(connectionId)),
    'transfers:setDefaults': ({ connectionId, settings }) => Promise.resolve(transfers.setDefaults(connectionId, settings)),
    'transfers:planUpload': (input) => transfers.planUpload(input),
    'transfers:startUpload': ({ planId, conflict, choices, overrides }) =>
      Promise.resolve(transfers.startUpload(planId, conflict, choices, overrides)),
    'transfers:planDownload': (input) => transfers.planDownload(input),
    'transfers:startDownload': ({ planId, conflict, choices }) => Promise.resolve(transfers.startDownload(planId, conflict, choices)),
    'transfers:list': (filter) => Promise.resolve(transfers.list(filter)),
    'transfers:interrupted': () => Promise.resolve(transfers.interrupted()),
    'transfers:pause': (target) => Promise.resolve({ changed: transfers.control.pause(target) }),
    'transfers:resume': (target) => Promise.resolve({ changed: transfers.control.resume(target) }),
    'transfers:cancel': (target) => Promise.resolve({ changed: transfers.control.cancel(target) }),
    'transfers:retry': ({ target, conflict }) => Promise.resolve({ changed: transfers.control.retry(target, conflict) }),
    'transfers:clear': ({ batchId, includeFailed }) =>
      Promise.resolve({ changed: transfers.control.clear(batchId, includeFailed ?? false) }),
  };
}
