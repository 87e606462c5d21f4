import { PutObjectCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PutRequest, PutSender } from './put-sender';

/**
 * PutObject and UploadPart as the SDK's own commands, through the client's full middleware chain
 * (endpoint rules, signing, checksum handling, its NodeHttpHandler): the connection's "AWS SDK"
 * transfer engine, for S3-compatible servers where the fast path (DirectS3) misbehaves. Only the
 * sending differs: the engine around it (journal, parts, checksums, retries, resume) is the same.
 */
export class SdkPuts implements PutSender {
  constructor(private readonly client: S3Client) {}

  async put(request: PutRequest, signal: AbortSignal): Promise<{ etag: string }> {
    const { target, checksum } = request;
    const common = {
      Bucket: request.bucket,
      Key: request.key,
      Body: request.body,
      ContentLength: request.contentLength,
      ...(checksum.mode === 'md5' ? { ContentMD5: checksum.base64 } : { ChecksumCRC32: checksum.base64 }),
    };
    const out =
      target.kind === 'part'
        ? await this.client.send(new UploadPartCommand({ ...common, UploadId: target.uploadId, PartNumber: target.partNumber }), {
            abortSignal: signal,
          })
        : await this.client.send(
            new PutObjectCommand({ ...common, ...target.headers, ...(target.createOnly ? { IfNoneMatch: '*' } : {}) }),
            { abortSignal: signal },
          );
    return { etag: out.ETag ?? '' };
  }
}
