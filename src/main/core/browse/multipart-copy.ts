import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
  type CompletedPart,
  type HeadObjectCommandOutput,
  type ObjectCannedACL,
  type S3Client,
} from '@aws-sdk/client-s3';
import { forEachConcurrent } from '../jobs/concurrency';
import { copySourceOf, headersToKeep } from './copy-source';
import { planCopyParts } from './copy-parts';

export interface MultipartCopyRequest {
  bucket: string;
  sourceKey: string;
  destinationKey: string;
  /** The source's HeadObject: size, ETag (pinned with If-Match) and the headers to carry over. */
  head: HeadObjectCommandOutput;
  cannedAcl?: ObjectCannedACL;
  partBytes?: number;
  concurrency: number;
  signal?: AbortSignal;
}

/**
 * Copies an object server-side with UploadPartCopy (needed above 5 GiB). Multipart copy does not
 * carry headers or metadata, so they are set on CreateMultipartUpload from the source's HEAD.
 * Every part pins the source's ETag, so a source changed midway fails the copy instead of
 * mixing versions. Any failure, or a cancel, aborts the upload so no parts are left to bill.
 */
export async function multipartCopy(client: S3Client, req: MultipartCopyRequest): Promise<void> {
  const size = req.head.ContentLength ?? 0;
  const parts = planCopyParts(size, req.partBytes);
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: req.bucket,
      Key: req.destinationKey,
      ...headersToKeep(req.head),
      ...(req.cannedAcl ? { ACL: req.cannedAcl } : {}),
    }),
  );
  const uploadId = created.UploadId;
  if (!uploadId) throw new Error('The server started a multipart copy without an upload ID.');
  const options = req.signal ? { abortSignal: req.signal } : {};
  try {
    const done: CompletedPart[] = [];
    await forEachConcurrent(
      parts,
      req.concurrency,
      async (part) => {
        const out = await client.send(
          new UploadPartCopyCommand({
            Bucket: req.bucket,
            Key: req.destinationKey,
            UploadId: uploadId,
            PartNumber: part.partNumber,
            CopySource: copySourceOf(req.bucket, req.sourceKey),
            CopySourceRange: `bytes=${part.first}-${part.last}`,
            ...(req.head.ETag ? { CopySourceIfMatch: req.head.ETag } : {}),
          }),
          options,
        );
        done.push({ PartNumber: part.partNumber, ETag: out.CopyPartResult?.ETag });
      },
      req.signal,
    );
    req.signal?.throwIfAborted();
    done.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: req.bucket, Key: req.destinationKey, UploadId: uploadId, MultipartUpload: { Parts: done } }),
    );
  } catch (error) {
    // Best effort: the original error is what the user needs to hear.
    await client.send(new AbortMultipartUploadCommand({ Bucket: req.bucket, Key: req.destinationKey, UploadId: uploadId })).catch(() => undefined);
    throw error;
  }
}
