import {
  GetObjectTaggingCommand,
  PutObjectTaggingCommand,
  type HeadObjectCommandOutput,
  type S3Client,
  type Tag,
} from '@aws-sdk/client-s3';

/**
 * Clients whose server has answered a HEAD with x-amz-tagging-count: S3 and Ceph RGW send it
 * only for an object that has tags, so from such a server a HEAD without it means none. A server
 * never seen to send it is always asked (its silence says nothing).
 */
const countsTagsOnHead = new WeakSet<S3Client>();

/**
 * An object's tags, given the HEAD just read of it: a GetObjectTagging only when the HEAD counts
 * some or the server is not known to count them (most objects have none, and a copy of one then
 * costs two requests fewer: no read, no write).
 */
export async function tagsAfterHead(client: S3Client, bucket: string, key: string, head: HeadObjectCommandOutput): Promise<Tag[]> {
  if (head.TagCount !== undefined) countsTagsOnHead.add(client);
  else if (countsTagsOnHead.has(client)) return [];
  if (head.TagCount === 0) return [];
  return readTags(client, bucket, key);
}

/** An object's tags (GetObjectTagging); none when the server does not implement tagging. */
export async function readTags(client: S3Client, bucket: string, key: string): Promise<Tag[]> {
  try {
    const out = await client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
    return out.TagSet ?? [];
  } catch (error) {
    // A server without tagging has no tags to lose; every other refusal is the caller's to report.
    if ((error as { name?: string }).name === 'NotImplemented') return [];
    throw error;
  }
}

/** Sets exactly these tags on an object (PutObjectTagging), on one version where given. */
export async function writeTags(client: S3Client, bucket: string, key: string, tags: Tag[], versionId?: string): Promise<void> {
  await client.send(
    new PutObjectTaggingCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}), Tagging: { TagSet: tags } }),
  );
}

/** Tags as the x-amz-tagging header takes them: a URL query string, each key and value percent-encoded. */
export function taggingHeader(tags: readonly Tag[]): string {
  return tags.map((t) => `${encodeURIComponent(t.Key ?? '')}=${encodeURIComponent(t.Value ?? '')}`).join('&');
}
