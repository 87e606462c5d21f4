import type { browseChannels } from '../../../shared/channels/browse-channels';
import { jobAclState, type BucketCapabilities } from '../access/capabilities';
import type { ConnectionsService, ResolvedConnection } from '../connections/connections-service';
import type { UploadDefaultsSettings } from '../../../shared/model/transfer';
import type { JobService } from '../jobs/job-service';
import { defaultCopyTuning, type CopyTuning } from '../objects/object-copier';
import type { HandlersFor } from '../router';
import { runCopyMove } from './copy-move/copy-move-job';
import { checkCopyMoveTargets } from './copy-move/copy-move-plan';
import { assertRenameTargetFree } from './copy-move/rename-check';
import { createFolder } from './create-folder';
import { runDelete } from './delete-job';
import { listFolderPage } from './folder-lister';
import { baseName } from '../../../shared/model/keys';
import { ListingPrefetcher } from './listing-prefetch';
import { measureSelection } from './measure';
import { fetchObjectDetails } from './object-details';
import { planRename, planTransfer } from './selection';

export interface BrowseDeps {
  connections: ConnectionsService;
  jobs: JobService;
  /** What each bucket is known to do: a copy job skips ACL reads where the bucket has none. */
  capabilities: BucketCapabilities;
  /** Tests shrink the multipart threshold; the app uses S3's own limits. */
  copyTuning?: CopyTuning;
  /** A connection's per-root defaults (the uploads' own): copies into another root take them. */
  rootDefaults: (connectionId: string) => UploadDefaultsSettings;
}

/** Browse channels: folder listings, object details, and folder actions run as jobs. */
export function createBrowseHandlers({
  connections,
  jobs,
  capabilities,
  copyTuning = defaultCopyTuning,
  rootDefaults,
}: BrowseDeps): HandlersFor<keyof typeof browseChannels> {
  const listings = new ListingPrefetcher(listFolderPage);
  const acl = (connectionId: string, bucket: string) => jobAclState({ capabilities, connectionId, bucket });
  /** What every copy job needs besides its plan: the ACL state and where the roots' defaults apply. */
  const copyEnv = ({ record }: ResolvedConnection, bucket: string) => ({
    acl: acl(record.id, bucket),
    rootDefaults: { roots: record.roots, defaults: rootDefaults(record.id) },
  });
  return {
    'browse:list': ({ connectionId, ...req }) => listings.list(connections.resolve(connectionId), req),
    'browse:details': ({ connectionId, ...ref }) => fetchObjectDetails(connections.resolve(connectionId), ref),
    'browse:measure': ({ connectionId, ...req }) => measureSelection(connections.resolve(connectionId), req),
    'browse:createFolder': ({ connectionId, ...req }) => createFolder(connections.resolve(connectionId), req),
    'browse:delete': ({ connectionId, bucket, keys }) => {
      const resolved = connections.resolve(connectionId);
      return Promise.resolve(
        jobs.start({ label: `Deleting ${describe(keys)}`, work: (ctx) => runDelete(resolved, { bucket, keys }, ctx) }),
      );
    },
    'browse:copy': async ({ connectionId, bucket, keys, destinationPrefix, overwrite }) => {
      const resolved = connections.resolve(connectionId);
      const plan = await checkCopyMoveTargets(resolved, bucket, planTransfer(keys, destinationPrefix, 'copy'), 'copy');
      const req = { bucket, plan, mode: 'copy' as const, overwrite: overwrite ?? false, ...copyEnv(resolved, bucket) };
      return jobs.start({
        label: `Copying ${describe(keys)} to “${destinationPrefix || bucket}”`,
        work: (ctx) => runCopyMove(resolved, req, copyTuning, ctx),
      });
    },
    'browse:move': async ({ connectionId, bucket, keys, destinationPrefix, overwrite }) => {
      const resolved = connections.resolve(connectionId);
      const plan = await checkCopyMoveTargets(resolved, bucket, planTransfer(keys, destinationPrefix, 'move'), 'move');
      const req = { bucket, plan, mode: 'move' as const, overwrite: overwrite ?? false, ...copyEnv(resolved, bucket) };
      return jobs.start({
        label: `Moving ${describe(keys)} to “${destinationPrefix || bucket}”`,
        work: (ctx) => runCopyMove(resolved, req, copyTuning, ctx),
      });
    },
    'browse:rename': async ({ connectionId, bucket, key, newName, overwrite }) => {
      const resolved = connections.resolve(connectionId);
      const item = planRename(key, newName);
      if (!overwrite) await assertRenameTargetFree(resolved, bucket, item);
      // A rename's target is a sibling of its source, so this finds nothing; it runs so every move is checked alike.
      const plan = await checkCopyMoveTargets(resolved, bucket, [item], 'move');
      // A rename keeps ACL and headers even when it renames a root folder itself (no root defaults).
      const req = { bucket, plan, mode: 'move' as const, overwrite: overwrite ?? false, acl: acl(connectionId, bucket) };
      return jobs.start({
        label: `Renaming “${baseName(key)}” to “${newName}”`,
        work: (ctx) => runCopyMove(resolved, req, copyTuning, ctx),
      });
    },
  };
}

/** “photo.jpg” for one item, “3 items” for more. */
function describe(keys: readonly string[]): string {
  const [first] = keys;
  return keys.length === 1 && first !== undefined ? `“${baseName(first)}”` : `${keys.length.toLocaleString('en-US')} items`;
}
