import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { SelectionMeasure } from '../../../shared/model/selection';
import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';
import { forEachConcurrent } from '../../../shared/concurrency';
import { isFolderKey } from '../../../shared/model/keys';
import { walkObjects } from './object-walker';
import { normalizeSelection } from './selection';

export interface MeasureRequest {
  bucket: string;
  keys: readonly string[];
  /** Stop counting after this many objects (the answer then says `truncated`). */
  limit?: number;
}

export const defaultMeasureLimit = 100_000;
const sampleSize = 10;
const headConcurrency = 16;

/**
 * What a selection amounts to, for a confirmation that names what will go and how much:
 * picked objects are checked with HEAD (16 at a time), folders are listed to the bottom.
 * Objects that are gone already are not counted.
 */
export async function measureSelection({ record, client }: ResolvedConnection, req: MeasureRequest): Promise<SelectionMeasure> {
  const limit = req.limit ?? defaultMeasureLimit;
  const selection = normalizeSelection(req.keys);
  const result: SelectionMeasure = { objects: 0, bytes: 0, folders: 0, sampleKeys: [], truncated: false };
  const count = (key: string, size: number) => {
    result.objects += 1;
    result.bytes += size;
    if (result.sampleKeys.length < sampleSize) result.sampleKeys.push(key);
  };
  try {
    const objects = selection.filter((k) => !isFolderKey(k)).slice(0, limit);
    if (objects.length < selection.filter((k) => !isFolderKey(k)).length) result.truncated = true;
    const sizes = new Map<string, number>();
    await forEachConcurrent(objects, headConcurrency, async (key, signal) => {
      const size = await headSize(client, req.bucket, key, signal);
      if (size !== undefined) sizes.set(key, size);
    });
    // Counted in selection order, so the sample names the first picked items.
    for (const key of objects) {
      const size = sizes.get(key);
      if (size !== undefined) count(key, size);
    }
    for (const folder of selection.filter(isFolderKey)) {
      result.folders += 1;
      if (result.truncated) continue;
      for await (const page of walkObjects(client, req.bucket, folder)) {
        for (const o of page) {
          if (result.objects >= limit) {
            result.truncated = true;
            break;
          }
          count(o.key, o.size);
        }
        if (result.truncated) break;
      }
    }
    return result;
  } catch (error) {
    throw toAppError(error, { bucket: req.bucket, endpoint: record.endpoint ?? 'AWS' });
  }
}

/** The object's size, or undefined when it no longer exists. */
async function headSize(
  client: ResolvedConnection['client'],
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<number | undefined> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    return head.ContentLength ?? 0;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return undefined;
    throw error;
  }
}
