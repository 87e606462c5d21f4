import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { AppError } from '../../../shared/errors';
import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';
import { keyForNewName } from '../../../shared/model/keys';

export interface CreateFolderRequest {
  bucket: string;
  parentPrefix: string;
  name: string;
}

/**
 * Creates a folder as the zero-byte `name/` placeholder that S3 consoles use, so it shows even
 * while empty. A folder that already exists (placeholder or any object under it) is a Conflict.
 */
export async function createFolder({ record, client }: ResolvedConnection, req: CreateFolderRequest): Promise<{ key: string }> {
  const key = keyForNewName(req.parentPrefix, req.name, true);
  try {
    const existing = await client.send(new ListObjectsV2Command({ Bucket: req.bucket, Prefix: key, MaxKeys: 1 }));
    if ((existing.KeyCount ?? existing.Contents?.length ?? 0) > 0) {
      throw new AppError('Conflict', `A folder named “${req.name}” already exists here. Choose another name.`, { key });
    }
    await client.send(new PutObjectCommand({ Bucket: req.bucket, Key: key, Body: new Uint8Array(0), ContentLength: 0 }));
    return { key };
  } catch (error) {
    throw toAppError(error, { bucket: req.bucket, key, endpoint: record.endpoint ?? 'AWS' });
  }
}
