// The objects `npm run bench:headers` edits, and the check after each tool: 2,000 small objects
// that carry everything a header edit must keep (Content-Type, Content-Language,
// Content-Disposition, two user metadata entries, two tags and an explicit ACL no canned ACL
// expresses), put back to that state before every run, then read back field by field.
import {
  GetBucketAclCommand,
  GetObjectAclCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { mapLimit } from '../../../src/shared/concurrency';

const authenticatedUsers = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const allUsers = 'http://acs.amazonaws.com/groups/global/AllUsers';

/** The fields the check compares; `cacheControl` must be the target, every other one unchanged. */
export const checkedFields = [
  'cacheControl',
  'contentType',
  'contentLanguage',
  'contentDisposition',
  'content',
  'metadata',
  'tags',
  'acl',
] as const;
export type CheckedField = (typeof checkedFields)[number];
type ObjectState = Record<CheckedField, string>;

export const keyOf = (prefix: string, i: number) => `${prefix}d${i % 10}/f${String(i).padStart(5, '0')}.txt`;

/** What object `i` is before an edit (its Cache-Control: none). */
function seedOf(i: number) {
  return {
    Body: `object ${i}\n`,
    ContentType: 'text/plain; charset=utf-8',
    ContentLanguage: 'en',
    ContentDisposition: `inline; filename="f${i}.txt"`,
    Metadata: { seq: String(i), team: 'media' },
    Tagging: `kept=yes&n=${i}`,
  };
}

/** The bucket owner's canonical id (the explicit grants name it). */
export async function ownerOf(client: S3Client, bucket: string): Promise<string> {
  const acl = await client.send(new GetBucketAclCommand({ Bucket: bucket }));
  const id = acl.Owner?.ID;
  if (!id) throw new Error(`GetBucketAcl of ${bucket} named no owner`);
  return id;
}

/** Puts every object back to its seed state (one PutObject each: headers, metadata, tags and grants together). */
export async function resetObjects(client: S3Client, bucket: string, prefix: string, count: number, owner: string): Promise<void> {
  await mapLimit(
    Array.from({ length: count }, (_, i) => i),
    48,
    (i) =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(prefix, i),
          ...seedOf(i),
          GrantFullControl: `id="${owner}"`,
          GrantRead: `uri="${authenticatedUsers}"`,
          GrantReadACP: `uri="${allUsers}"`,
        }),
      ),
  );
}

/** What one object is now, field by field, as comparable text. */
async function stateOf(client: S3Client, bucket: string, key: string): Promise<ObjectState> {
  const [head, acl, tags] = await Promise.all([
    client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
    client.send(new GetObjectAclCommand({ Bucket: bucket, Key: key })),
    client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key })),
  ]);
  return {
    cacheControl: head.CacheControl ?? '',
    contentType: head.ContentType ?? '',
    contentLanguage: head.ContentLanguage ?? '',
    contentDisposition: head.ContentDisposition ?? '',
    content: `${head.ContentLength ?? -1} ${head.ETag ?? ''}`,
    metadata: JSON.stringify(Object.entries(head.Metadata ?? {}).sort()),
    tags: JSON.stringify((tags.TagSet ?? []).map((t) => `${t.Key ?? ''}=${t.Value ?? ''}`).sort()),
    acl: JSON.stringify((acl.Grants ?? []).map((g) => `${g.Grantee?.ID ?? g.Grantee?.URI ?? ''}/${g.Permission ?? ''}`).sort()),
  };
}

/** Every object's state (24 objects read at a time). */
export async function snapshotObjects(client: S3Client, bucket: string, prefix: string, count: number): Promise<ObjectState[]> {
  return mapLimit(
    Array.from({ length: count }, (_, i) => keyOf(prefix, i)),
    24,
    (key) => stateOf(client, bucket, key),
  );
}

/**
 * How many objects each field was lost or changed on, comparing the state after a tool with the
 * state before it; Cache-Control counts the objects not at `cacheControl`.
 */
export function lostFields(
  before: readonly ObjectState[],
  after: readonly ObjectState[],
  cacheControl: string,
): Record<CheckedField, number> {
  const lost = Object.fromEntries(checkedFields.map((f) => [f, 0])) as Record<CheckedField, number>;
  after.forEach((state, i) => {
    const was = before[i];
    for (const field of checkedFields) {
      const expected = field === 'cacheControl' ? cacheControl : was?.[field];
      if (state[field] !== expected) lost[field] += 1;
    }
  });
  return lost;
}

/** "metadata (2000), tags (2000)"; "nothing" when every field held. */
export function describeLosses(lost: Record<CheckedField, number>): string {
  const parts = checkedFields.filter((f) => lost[f] > 0).map((f) => `${f === 'cacheControl' ? 'not set: cacheControl' : f} (${lost[f]})`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
