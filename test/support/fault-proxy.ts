// A loopback TCP proxy between a client and the S3 test gateway that can break HTTP/1.1 requests
// the way real networks do: cut the connection after N bytes of a request or response body,
// stall it (stop moving bytes, keep the socket open), or answer a request itself. It parses
// just enough of each request (request line, headers, Content-Length) to count and target
// requests, e.g. "the 3rd UploadPart" or "every GET with a Range".
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ProxiedRequest {
  /** Serial of the TCP connection it came on (1-based). */
  connection: number;
  /** Serial of the request across the proxy's life (1-based). */
  index: number;
  method: string;
  /** Path and query, e.g. `/bucket/key?partNumber=3&uploadId=…`. */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  contentLength: number;
}

export type FaultAction =
  | { kind: 'pass' }
  /** Forward `afterBytes` of the request body, then drop both sockets. */
  | { kind: 'cut'; afterBytes: number }
  /** Forward `afterBytes` of the request body, then move nothing more (the socket stays open). */
  | { kind: 'stall'; afterBytes: number }
  /** Forward the request, then drop both sockets after `afterBytes` of its response. */
  | { kind: 'cutResponse'; afterBytes: number }
  /** Forward the request, then stop relaying its response after `afterBytes`. */
  | { kind: 'stallResponse'; afterBytes: number }
  /** Answer locally (the gateway never sees the request). */
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body: string }
  /**
   * Forward the request; when the gateway's answer arrives (the server has acted on the request),
   * keep it and call `onHeld` once. `release()` relays it; until then the client waits for it. A
   * client that gives up meanwhile (abort, timeout) never gets it.
   */
  | { kind: 'holdResponse'; onHeld: (release: () => void) => void };

export type FaultRule = (request: ProxiedRequest) => FaultAction;

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: use as the S3 endpoint. */
  endpoint: string;
  readonly requests: ProxiedRequest[];
  readonly stats: { connections: number; bytesUp: number; bytesDown: number; cuts: number; stalls: number };
  /** Decides what happens to each request from now on (default: pass everything). */
  setRule(rule: FaultRule): void;
  /** Drops every open connection (stalled ones included). */
  dropAll(): void;
  close(): Promise<void>;
}

const pass: FaultRule = () => ({ kind: 'pass' });
const maxHeadBytes = 64 * 1024;

/** Starts a proxy on 127.0.0.1 (random port) in front of `upstream` (an http:// URL). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const upstreamPort = Number(target.port || 80);
  const requests: ProxiedRequest[] = [];
  const stats = { connections: 0, bytesUp: 0, bytesDown: 0, cuts: 0, stalls: 0 };
  const sockets = new Set<Socket>();
  let rule: FaultRule = pass;

  const server: Server = createServer((client) => {
    stats.connections += 1;
    const connection = stats.connections;
    const gateway = connect(upstreamPort, target.hostname);
    sockets.add(client).add(gateway);
    let pending: Buffer = Buffer.alloc(0);
    let state: 'head' | 'body' | 'respondBody' | 'raw' | 'stalled' | 'dead' = 'head';
    let bodyLeft = 0;
    let forwarded = 0;
    let action: FaultAction = { kind: 'pass' };
    let respondWith: Buffer | undefined;
    let downLimit: { at: number; cut: boolean } | undefined;
    let downOnConn = 0;
    let hold: { onHeld: (release: () => void) => void; kept: Buffer[]; told: boolean } | undefined;

    const kill = () => {
      state = 'dead';
      client.destroy();
      gateway.destroy();
    };
    const toServer = (bytes: Buffer) => {
      if (bytes.length === 0) return;
      stats.bytesUp += bytes.length;
      if (!gateway.write(bytes)) client.pause();
    };
    gateway.on('drain', () => {
      if (state !== 'stalled' && state !== 'dead') client.resume();
    });
    client.on('drain', () => gateway.resume());
    const release = () => {
      const kept = hold?.kept ?? [];
      hold = undefined;
      if (state === 'dead') return;
      for (const chunk of kept) {
        downOnConn += chunk.length;
        stats.bytesDown += chunk.length;
        client.write(chunk);
      }
      gateway.resume();
    };
    gateway.on('data', (data: Buffer) => {
      if (hold) {
        hold.kept.push(data);
        gateway.pause();
        if (!hold.told) {
          hold.told = true;
          hold.onHeld(release);
        }
        return;
      }
      let chunk = data;
      if (downLimit) {
        const room = downLimit.at - downOnConn;
        if (room <= 0) return;
        if (chunk.length >= room) {
          chunk = chunk.subarray(0, room);
          const cut = downLimit.cut;
          downOnConn += chunk.length;
          stats.bytesDown += chunk.length;
          client.write(chunk, () => {
            if (cut) {
              stats.cuts += 1;
              kill();
            }
          });
          if (!cut) {
            stats.stalls += 1;
            gateway.pause();
          }
          return;
        }
      }
      downOnConn += chunk.length;
      stats.bytesDown += chunk.length;
      if (!client.write(chunk)) gateway.pause();
    });

    const process = () => {
      for (;;) {
        if (state === 'head') {
          const end = pending.indexOf('\r\n\r\n');
          if (end < 0) {
            if (pending.length > maxHeadBytes) state = 'raw';
            else return;
            continue;
          }
          const head = pending.subarray(0, end + 4);
          pending = pending.subarray(end + 4);
          const request = parseHead(head, connection, requests.length + 1);
          requests.push(request);
          action = rule(request);
          bodyLeft = request.contentLength;
          forwarded = 0;
          if (action.kind === 'respond') {
            respondWith = renderResponse(action);
            state = 'respondBody';
            continue;
          }
          if (request.headers['transfer-encoding']?.includes('chunked')) {
            toServer(head);
            state = 'raw';
            continue;
          }
          hold = action.kind === 'holdResponse' ? { onHeld: action.onHeld, kept: [], told: false } : undefined;
          if (action.kind === 'cutResponse' || action.kind === 'stallResponse') {
            downLimit = { at: downOnConn + action.afterBytes, cut: action.kind === 'cutResponse' };
          } else {
            downLimit = undefined;
          }
          toServer(head);
          state = 'body';
          if (bodyLeft > 0 && (action.kind === 'cut' || action.kind === 'stall') && action.afterBytes <= 0) {
            fault();
            return;
          }
          continue;
        }
        if (state === 'body') {
          if (bodyLeft === 0) {
            state = 'head';
            continue;
          }
          if (pending.length === 0) return;
          let take = Math.min(bodyLeft, pending.length);
          const limit = action.kind === 'cut' || action.kind === 'stall' ? action.afterBytes : Infinity;
          take = Math.min(take, Math.max(0, limit - forwarded));
          toServer(pending.subarray(0, take));
          pending = pending.subarray(take);
          bodyLeft -= take;
          forwarded += take;
          if (bodyLeft > 0 && forwarded >= limit) {
            fault();
            return;
          }
          continue;
        }
        if (state === 'respondBody') {
          const take = Math.min(bodyLeft, pending.length);
          pending = pending.subarray(take);
          bodyLeft -= take;
          if (bodyLeft > 0) return;
          if (respondWith) client.write(respondWith);
          respondWith = undefined;
          state = 'head';
          continue;
        }
        if (state === 'raw') {
          toServer(pending);
          pending = Buffer.alloc(0);
        }
        return;
      }
    };
    const fault = () => {
      if (action.kind === 'cut') {
        stats.cuts += 1;
        kill();
      } else {
        stats.stalls += 1;
        state = 'stalled';
        client.pause();
      }
    };

    client.on('data', (chunk: Buffer) => {
      if (state === 'stalled' || state === 'dead') return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      process();
    });
    const close = () => {
      sockets.delete(client);
      sockets.delete(gateway);
      client.destroy();
      gateway.destroy();
    };
    client.on('close', close);
    gateway.on('close', close);
    client.on('error', close);
    gateway.on('error', close);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stats,
    setRule(next) {
      rule = next;
    },
    dropAll() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseHead(head: Buffer, connection: number, index: number): ProxiedRequest {
  const lines = head.toString('latin1').split('\r\n');
  const [method = '', target = ''] = (lines[0] ?? '').split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const contentLength = Number(headers['content-length'] ?? 0) || 0;
  return { connection, index, method, target, headers, contentLength };
}

function renderResponse(action: Extract<FaultAction, { kind: 'respond' }>): Buffer {
  const body = Buffer.from(action.body);
  const headers = { 'content-type': 'application/xml', ...action.headers, 'content-length': String(body.length) };
  const head = [`HTTP/1.1 ${action.status} Fault`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** Whether a proxied request is a CreateMultipartUpload (POST ?uploads). */
export function isCreateMultipart(request: ProxiedRequest): boolean {
  return request.method === 'POST' && /[?&]uploads(=|&|$)/.test(request.target);
}

/** Whether a proxied request is a CompleteMultipartUpload (POST ?uploadId=…). */
export function isCompleteMultipart(request: ProxiedRequest): boolean {
  return request.method === 'POST' && /[?&]uploadId=/.test(request.target);
}

/** Whether a proxied request is an UploadPart (PUT with partNumber and uploadId). */
export function isUploadPart(request: ProxiedRequest): boolean {
  return request.method === 'PUT' && /[?&]partNumber=\d+/.test(request.target) && /[?&]uploadId=/.test(request.target);
}

/** The part number of an UploadPart request. */
export function partNumberOf(request: ProxiedRequest): number | undefined {
  const match = /[?&]partNumber=(\d+)/.exec(request.target);
  return match ? Number(match[1]) : undefined;
}

/**
 * The object operation a proxied request is, by method, sub-resource and copy header (HeadObject,
 * GetObjectAcl, CopyObject, PutObjectTagging, ListObjectsV2 …): what request counts are told by.
 */
export function objectOperationOf(request: ProxiedRequest): string {
  const copy = request.headers['x-amz-copy-source'] !== undefined;
  if (/[?&]list-type=2(&|$)/.test(request.target)) return 'ListObjectsV2';
  if (isCreateMultipart(request)) return 'CreateMultipartUpload';
  if (isCompleteMultipart(request)) return 'CompleteMultipartUpload';
  if (isUploadPart(request)) return copy ? 'UploadPartCopy' : 'UploadPart';
  if (request.method === 'DELETE' && /[?&]uploadId=/.test(request.target)) return 'AbortMultipartUpload';
  const sub = /[?&](acl|tagging)(=|&|$)/.exec(request.target)?.[1];
  const resource = sub === 'acl' ? 'Acl' : sub === 'tagging' ? 'Tagging' : '';
  if (request.method === 'PUT' && !resource && copy) return 'CopyObject';
  const verb = ({ GET: 'Get', PUT: 'Put', DELETE: 'Delete', HEAD: 'Head' } as Record<string, string>)[request.method] ?? request.method;
  return `${verb}Object${resource}`;
}

/** Whether a proxied request reads or writes an ACL (`?acl`, on a bucket or an object). */
export function isAclCall(request: ProxiedRequest): boolean {
  return /[?&]acl(=|&|$)/.test(request.target);
}

/**
 * A bucket with ACLs disabled (Object Ownership "bucket owner enforced"), which RGW 16.2 cannot
 * be set to: every ACL call gets AWS's AccessControlListNotSupported answer, the rest passes.
 */
export const aclsDisabled: FaultRule = (request) =>
  isAclCall(request)
    ? {
        kind: 'respond',
        status: 400,
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessControlListNotSupported</Code><Message>The bucket does not allow ACLs</Message><RequestId>1</RequestId><HostId>1</HostId></Error>',
      }
    : { kind: 'pass' };
