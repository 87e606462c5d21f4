import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { AppError } from '../../../../shared/errors';
import type { ResolvedConnection } from '../../connections/connections-service';
import { toAppError } from '../../s3/s3-errors';
import { baseName, isFolderKey } from '../../../../shared/model/keys';
import type { ItemTarget } from '../selection';

/**
 * A rename onto a name that is taken is refused before anything moves, like any file manager:
 * an object at the new key, or for a folder any object under the new prefix.
 */
export async function assertRenameTargetFree({ record, client }: ResolvedConnection, bucket: string, item: ItemTarget): Promise<void> {
  let taken: boolean;
  try {
    const out = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: item.targetKey, MaxKeys: isFolderKey(item.targetKey) ? 1 : 2 }),
    );
    // Without a trailing slash the prefix also matches longer names (“a.txt” vs “a.txt.bak”).
    taken = (out.Contents ?? []).some((o) => isFolderKey(item.targetKey) || o.Key === item.targetKey);
  } catch (error) {
    throw toAppError(error, { bucket, key: item.itemKey, endpoint: record.endpoint ?? 'AWS' });
  }
  if (taken) {
    const what = isFolderKey(item.targetKey) ? 'A folder' : 'An object';
    throw new AppError('Conflict', `${what} named “${baseName(item.targetKey)}” already exists here. Choose another name.`, {
      key: item.targetKey,
    });
  }
}
