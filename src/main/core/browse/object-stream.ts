import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { downloadName, keySchema } from '../../../shared/model/keys';
import { bucketNameSchema, connectionIdSchema } from '../../../shared/model/connection';
import { objectUrlParam as p } from '../../../shared/object-url';
import type { ConnectionsService } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';
import { parseByteRange } from './byte-range';
import { previewPolicy } from '../../../shared/model/preview-type';
import { previewCsp } from '../http/preview-headers';
import { contentDisposition } from '../../../shared/model/content-disposition';

/** An HTTP request for `/__object`, as either host received it. */
export interface ObjectRequest {
  method: string;
  query: URLSearchParams;
  range?: string | null;
  /** Aborts the S3 request when the viewer goes away. */
  signal?: AbortSignal;
}

/** What the host sends back: the body streams (never buffered whole) or is a short text. */
export interface ObjectResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable | string | null;
}

const querySchema = z.object({
  [p.connectionId]: connectionIdSchema,
  [p.bucket]: bucketNameSchema,
  [p.key]: keySchema.refine((k) => k.length > 0, 'Name an object.'),
  [p.versionId]: z.string().min(1).max(1024).optional(),
  [p.download]: z.literal('1').optional(),
});

const statusFor: Partial<Record<ErrorCode, number>> = {
  InvalidInput: 400,
  NotFound: 404,
  NoSuchKey: 404,
  NoSuchBucket: 404,
  AccessDenied: 403,
  Forbidden: 403,
  EndpointUnreachable: 504,
};

/**
 * Streams one object for a preview or a save: GetObject with the viewer's Range, so <video> can
 * seek and large files are never held in memory. The stored Content-Type is never served as is:
 * `previewPolicy` parses it strictly and allows only images, audio, video, PDF and plain text in
 * place; everything else is `application/octet-stream` as an attachment. Every response is
 * `nosniff` under a sandboxing CSP, and the hosts serve this route on an origin that is not the
 * app's, so even a planted HTML object cannot run script or reach the app.
 */
export async function openObject(connections: ConnectionsService, req: ObjectRequest): Promise<ObjectResponse> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Only GET and HEAD are served here.');
  const parsed = querySchema.safeParse(Object.fromEntries(req.query));
  if (!parsed.success) return text(400, 'This preview address is not valid. Reopen the preview from the file list.');
  const q = parsed.data;
  const ref = { Bucket: q[p.bucket], Key: q[p.key], ...(q[p.versionId] ? { VersionId: q[p.versionId] } : {}) };
  const range = parseByteRange(req.range);
  let endpoint = 'the server';
  try {
    const { record, client } = connections.resolve(q[p.connectionId]);
    endpoint = record.endpoint ?? 'AWS';
    const options = req.signal ? { abortSignal: req.signal } : {};
    const out =
      req.method === 'HEAD'
        ? await client.send(new HeadObjectCommand(ref), options)
        : await client.send(new GetObjectCommand({ ...ref, ...(range ? { Range: range } : {}) }), options);
    const policy = previewPolicy(out.ContentType, ref.Key);
    const disposition = q[p.download] || policy.disposition === 'attachment' ? 'attachment' : 'inline';
    const headers: Record<string, string> = {
      ...baseHeaders,
      'Content-Type': policy.servedType,
      'Accept-Ranges': 'bytes',
      'Content-Security-Policy': previewCsp(policy.kind),
      'Content-Disposition': contentDisposition(disposition, downloadName(ref.Key)),
      ...(out.ContentLength !== undefined ? { 'Content-Length': String(out.ContentLength) } : {}),
      ...(out.ETag ? { ETag: out.ETag } : {}),
      ...(out.LastModified ? { 'Last-Modified': out.LastModified.toUTCString() } : {}),
    };
    if (req.method === 'HEAD') return { status: 200, headers, body: null };
    const body = 'Body' in out ? out.Body : undefined;
    if (!(body instanceof Readable)) throw new AppError('Internal', 'The server sent no object body.');
    const partial = range !== undefined && 'ContentRange' in out && Boolean(out.ContentRange);
    if (partial) headers['Content-Range'] = out.ContentRange ?? '';
    return { status: partial ? 206 : 200, headers, body };
  } catch (error) {
    const raw = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (raw.name === 'InvalidRange' || raw.$metadata?.httpStatusCode === 416) return notSatisfiable(connections, q[p.connectionId], ref);
    const appError = toAppError(error, { bucket: ref.Bucket, key: ref.Key, endpoint });
    return text(statusFor[appError.code] ?? 502, appError.message);
  }
}

/** 416 with the object's size, so the viewer can ask again for a range that exists. */
async function notSatisfiable(
  connections: ConnectionsService,
  connectionId: string,
  ref: { Bucket: string; Key: string; VersionId?: string },
): Promise<ObjectResponse> {
  const size = await connections
    .resolve(connectionId)
    .client.send(new HeadObjectCommand(ref))
    .then((h) => h.ContentLength)
    .catch(() => undefined);
  const response = text(416, 'That part of the file does not exist.');
  if (size !== undefined) response.headers['Content-Range'] = `bytes */${size}`;
  return response;
}

/** Sent with every answer of the route, bytes or error. */
const baseHeaders = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as const;

function text(status: number, message: string): ObjectResponse {
  return {
    status,
    headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': previewCsp('none') },
    body: message,
  };
}
