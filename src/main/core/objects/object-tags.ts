import { GetObjectTaggingCommand, PutObjectTaggingCommand, type S3Client, type Tag } from '@aws-sdk/client-s3';

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
