/** One data GET of the transfer engine: a whole object or a byte range of it. */
export interface GetRequest {
  bucket: string;
  key: string;
  /** Bytes [start, end) of the object; the whole object when absent. */
  range?: { start: number; end: number };
  /** If-Match on this (bare) ETag: a changed object answers 412 instead of mixing versions. */
  ifMatch?: string;
}

/** The head of a GET's answer and its body, still to be read (or discarded). */
export interface GetResponse {
  /** Bare (no quotes). */
  etag: string;
  /** Bytes the body will carry (Content-Length). */
  contentLength: number;
  lastModified?: Date;
  /** SSE-KMS or SSE-C: the ETag is not the MD5 of the bytes. */
  encrypted: boolean;
  body: AsyncIterable<Uint8Array>;
  /** Drops the body unread (the connection is not reused). */
  discard(): void;
}

/**
 * Sends the engine's data GETs, one way per connection's transfer engine: DirectS3 (fast: signed
 * and sent through TransferHttpHandler, the body read straight from the socket) or SdkGets (the
 * SDK's GetObjectCommand). Either way the engine writes and checks the bytes itself.
 */
export interface GetSender {
  /** Resolves once the answer's head is in; rejects with an error shaped like the SDK's (name = S3 code, `$metadata.httpStatusCode`). */
  get(request: GetRequest, signal: AbortSignal): Promise<GetResponse>;
}

/** SSE-KMS (and its dual-layer variant) or a customer key: the ETag is then not an MD5 of the bytes. */
export function isEncrypted(serverSideEncryption: string | undefined, customerAlgorithm: string | undefined): boolean {
  return serverSideEncryption === 'aws:kms' || serverSideEncryption === 'aws:kms:dsse' || Boolean(customerAlgorithm);
}
