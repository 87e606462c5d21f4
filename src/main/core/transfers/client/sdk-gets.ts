import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { bareEtag } from '../queue/run-context';
import { isEncrypted, type GetRequest, type GetResponse, type GetSender } from './get-sender';

/**
 * Data GETs as the SDK's own GetObjectCommand, through the client's full middleware chain and
 * its NodeHttpHandler: the connection's "AWS SDK" transfer engine (see SdkPuts for the PUTs).
 */
export class SdkGets implements GetSender {
  constructor(private readonly client: S3Client) {}

  async get(request: GetRequest, signal: AbortSignal): Promise<GetResponse> {
    const { range, ifMatch } = request;
    const out = await this.client.send(
      new GetObjectCommand({
        Bucket: request.bucket,
        Key: request.key,
        ...(range ? { Range: `bytes=${range.start}-${range.end - 1}` } : {}),
        ...(ifMatch ? { IfMatch: `"${ifMatch}"` } : {}),
      }),
      { abortSignal: signal },
    );
    const body = out.Body as Readable | undefined;
    return {
      etag: bareEtag(out.ETag),
      contentLength: out.ContentLength ?? 0,
      ...(out.LastModified ? { lastModified: out.LastModified } : {}),
      encrypted: isEncrypted(out.ServerSideEncryption, out.SSECustomerAlgorithm),
      body: body ?? Readable.from([]),
      discard: () => body?.destroy(),
    };
  }
}
