import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
  type CompletedPart,
  type ObjectCannedACL,
  type S3Client,
} from '@aws-sdk/client-s3';
import { forEachConcurrent } from '../../../shared/concurrency';
import { copySourceOf, type ObjectHeaders } from './copy-source';
import { planCopyParts } from './copy-parts';

/** What the server says it wrote: the copy's ETag, and its version where the bucket keeps versions. */
export interface CopyWritten {
  etag?: string;
  versionId?: string;
}

export interface MultipartCopyRequest {
  bucket: string;
  sourceKey: string;
  destinationKey: string;
  /** The source's size in bytes. */
  size: number;
  /** The source version every part must come from (x-amz-copy-source-if-match); none pins nothing. */
  ifMatch: string | undefined;
  /** What the copy gets: multipart copy carries nothing over by itself. */
  headers: ObjectHeaders;
  cannedAcl?: ObjectCannedACL;
  partBytes?: number;
  concurrency: number;
  signal?: AbortSignal;
}

/**
 * Copies an object server-side with UploadPartCopy (needed above 5 GiB). Multipart copy does not
 * carry headers or metadata, so the caller's `headers` are set on CreateMultipartUpload. Every
 * part pins the source's ETag, so a source changed midway fails the copy instead of mixing
 * versions. The destination may be the source's own key: the parts are read from the object as it
 * is, which CompleteMultipartUpload then replaces. Any failure, or a cancel, aborts the upload so
 * no parts are left to bill.
 */
export async function multipartCopy(client: S3Client, req: MultipartCopyRequest): Promise<CopyWritten> {
  const parts = planCopyParts(req.size, req.partBytes);
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: req.bucket,
      Key: req.destinationKey,
      ...req.headers,
      ...(req.cannedAcl ? { ACL: req.cannedAcl } : {}),
    }),
  );
  const uploadId = created.UploadId;
  if (!uploadId) throw new Error('The server started a multipart copy without an upload ID.');
  try {
    const done: CompletedPart[] = [];
    await forEachConcurrent(
      parts,
      req.concurrency,
      async (part, signal) => {
        const out = await client.send(
          new UploadPartCopyCommand({
            Bucket: req.bucket,
            Key: req.destinationKey,
            UploadId: uploadId,
            PartNumber: part.partNumber,
            CopySource: copySourceOf(req.bucket, req.sourceKey),
            CopySourceRange: `bytes=${part.first}-${part.last}`,
            ...(req.ifMatch ? { CopySourceIfMatch: req.ifMatch } : {}),
          }),
          { abortSignal: signal },
        );
        done.push({ PartNumber: part.partNumber, ETag: out.CopyPartResult?.ETag });
      },
      req.signal,
    );
    done.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    const out = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: req.bucket,
        Key: req.destinationKey,
        UploadId: uploadId,
        MultipartUpload: { Parts: done },
      }),
    );
    return { ...(out.ETag ? { etag: out.ETag } : {}), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
  } catch (error) {
    // Best effort: the original error is what the user needs to hear.
    await client
      .send(new AbortMultipartUploadCommand({ Bucket: req.bucket, Key: req.destinationKey, UploadId: uploadId }))
      .catch(() => undefined);
    throw error;
  }
}
