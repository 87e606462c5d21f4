import type { objectChannels } from '../../../shared/channels/object-channels';
import { readAclSummary } from '../access/acl-reader';
import { writeObjectAcl } from '../access/acl-writer';
import { jobAclState, type BucketCapabilities } from '../access/capabilities';
import { checkPublicAccess } from '../access/public-access';
import type { ConnectionsService } from '../connections/connections-service';
import type { DialogPort } from '../dialogs/dialog-port';
import type { HandlersFor } from '../router';
import type { BulkEditService } from './bulk/bulk-edit-service';
import { exportUndo } from './bulk/undo-export';
import { readEditorState } from './editor-state';
import { editObjectHeaders } from './header-editor';
import { defaultCopyTuning, type CopyTuning } from './object-copier';

export interface ObjectHandlerDeps {
  /** Bulk header and ACL edits, their undo files and exports. */
  bulk: BulkEditService;
  dialogs: DialogPort;
  connections: ConnectionsService;
  /** Whether each bucket takes ACLs: a save skips ACL work where it has none, and a refusal is remembered. */
  capabilities: BucketCapabilities;
  /** Tests shrink the multipart threshold; the app uses S3's own limits. */
  copyTuning?: CopyTuning;
}

/** Object channels: the header and ACL editors and the public-access answer. */
export function createObjectHandlers({
  connections,
  capabilities,
  bulk,
  dialogs,
  copyTuning = defaultCopyTuning,
}: ObjectHandlerDeps): HandlersFor<keyof typeof objectChannels> {
  const endpointOf = (connectionId: string) => connections.resolve(connectionId).record.endpoint ?? 'AWS';
  return {
    'objects:editor': ({ connectionId, bucket, key }) => {
      const conn = connections.resolve(connectionId);
      return readEditorState(conn.client, {
        bucket,
        key,
        endpoint: endpointOf(connectionId),
        aclsDisabled: capabilities.aclSupport(connectionId, bucket) === 'disabled',
        onAclsDisabled: () => capabilities.setAclSupport(connectionId, bucket, 'disabled'),
      });
    },
    'objects:saveHeaders': ({ connectionId, bucket, key, ifMatch, patch }) =>
      editObjectHeaders(connections.resolve(connectionId).client, {
        bucket,
        key,
        ifMatch,
        patch,
        endpoint: endpointOf(connectionId),
        acl: jobAclState({ capabilities, connectionId, bucket }),
        tuning: copyTuning,
      }),
    'objects:setAcl': async ({ connectionId, bucket, key, acl }) => {
      const target = {
        bucket,
        key,
        endpoint: endpointOf(connectionId),
        onAclsDisabled: () => capabilities.setAclSupport(connectionId, bucket, 'disabled'),
      };
      await writeObjectAcl(connections.resolve(connectionId).client, target, acl);
      return { key };
    },
    'objects:publicAccess': async ({ connectionId, bucket, key }) => {
      const { client } = connections.resolve(connectionId);
      const acl = await readAclSummary(client, { bucket, key }, endpointOf(connectionId));
      return checkPublicAccess(client, { bucket, key }, acl);
    },
    'objects:bulkDryRun': (request) => bulk.dryRun(request),
    'objects:bulkStart': (request) => bulk.start(request),
    'objects:bulkPause': ({ jobId }) => Promise.resolve({ paused: bulk.pause(jobId) }),
    'objects:bulkResume': ({ jobId }) => Promise.resolve(bulk.resume(jobId)),
    'objects:bulkStatus': ({ jobId }) => Promise.resolve(bulk.statusOf(jobId)),
    'objects:bulkInterrupted': () => Promise.resolve(bulk.interrupted()),
    'objects:bulkUndo': ({ jobId }) => Promise.resolve(bulk.undo(jobId)),
    'objects:bulkExportUndo': ({ jobId }) => exportUndo(dialogs, bulk.undoFileOf(jobId)),
  };
}
