import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BuildMiddleware, MetadataBearer } from '@smithy/types';

/**
 * The SDK's default checksums do not belong in a presigned URL: for PUT it signs the CRC32 of an
 * empty body (`x-amz-checksum-crc32=AAAAAA==`), so AWS refuses every real upload, and for GET it
 * adds `x-amz-checksum-mode`. Dropped before signing, whatever the connection's checksum setting.
 */
const checksumHeader = /^x-amz-(checksum-|sdk-checksum-algorithm$)/i;

function dropChecksumHeaders<I extends object, O extends MetadataBearer>(): BuildMiddleware<I, O> {
  return (next) => (args) => {
    const request = args.request as { headers?: Record<string, string> };
    for (const name of Object.keys(request.headers ?? {})) {
      if (checksumHeader.test(name)) delete request.headers?.[name];
    }
    return next(args);
  };
}

/** Runs after every normal build-step middleware (the checksum one included), before signing. */
const dropChecksumOptions = { step: 'build', priority: 'low', name: 'shareDropChecksumHeaders' } as const;

export interface GetLinkSpec {
  bucket: string;
  key: string;
  seconds: number;
  signingDate: Date;
  contentDisposition?: string;
  contentType?: string;
}

/** A presigned GET, signed with the connection's own client (endpoint, path style, credentials). */
export function presignGet(client: S3Client, spec: GetLinkSpec): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: spec.bucket,
    Key: spec.key,
    ...(spec.contentDisposition ? { ResponseContentDisposition: spec.contentDisposition } : {}),
    ...(spec.contentType ? { ResponseContentType: spec.contentType } : {}),
  });
  command.middlewareStack.add(dropChecksumHeaders(), dropChecksumOptions);
  return getSignedUrl(client, command, { expiresIn: spec.seconds, signingDate: spec.signingDate });
}

export interface PutLinkSpec {
  bucket: string;
  key: string;
  seconds: number;
  signingDate: Date;
  /** Signed: the upload must send exactly this Content-Type header. */
  contentType?: string;
}

/** A presigned PUT for one exact key. */
export function presignPut(client: S3Client, spec: PutLinkSpec): Promise<string> {
  const command = new PutObjectCommand({
    Bucket: spec.bucket,
    Key: spec.key,
    ...(spec.contentType ? { ContentType: spec.contentType } : {}),
  });
  command.middlewareStack.add(dropChecksumHeaders(), dropChecksumOptions);
  return getSignedUrl(client, command, {
    expiresIn: spec.seconds,
    signingDate: spec.signingDate,
    // Keep Content-Type a signed header (not a query parameter), so the uploader must send it.
    ...(spec.contentType ? { signableHeaders: new Set(['content-type']) } : {}),
  });
}
