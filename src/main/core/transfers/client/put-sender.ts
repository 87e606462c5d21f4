import type { BodyChecksum } from '../local/file-source';
import type { FileRangeBody } from '../local/file-range-body';
import type { ObjectHeaders } from '../upload/upload-headers';

/** What a data PUT creates: a whole object (PutObject) or one part of a multipart upload (UploadPart). */
export type PutTarget =
  | {
      kind: 'object';
      headers: ObjectHeaders;
      /** If-None-Match: * — create the key, never replace an object someone else put there. */
      createOnly: boolean;
    }
  | { kind: 'part'; uploadId: string; partNumber: number };

/** One data PUT of the transfer engine. */
export interface PutRequest {
  bucket: string;
  key: string;
  target: PutTarget;
  body: Buffer | FileRangeBody;
  contentLength: number;
  /** Sent as Content-MD5 or x-amz-checksum-crc32, per its mode: the server checks the bytes. */
  checksum: BodyChecksum;
}

/**
 * Sends the engine's PutObject and UploadPart requests, one way per connection's transfer
 * engine: DirectS3 (fast: signed and sent without the SDK's per-request machinery) or SdkPuts
 * (the SDK's own commands, for servers where the fast path misbehaves).
 */
export interface PutSender {
  /** Resolves with the ETag as sent (quoted); rejects with an error shaped like the SDK's (name = S3 code, `$metadata.httpStatusCode`). */
  put(request: PutRequest, signal: AbortSignal): Promise<{ etag: string }>;
}
