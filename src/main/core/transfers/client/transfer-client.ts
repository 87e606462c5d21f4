import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { TransferEngine } from '../../../../shared/model/connection';
import type { ConnectionRecord } from '../../connections/connection-record';
import type { ConnectionsService } from '../../connections/connections-service';
import { createS3Client } from '../../s3/client-factory';
import { DirectS3 } from './direct-s3';
import type { GetSender } from './get-sender';
import type { PutSender } from './put-sender';
import { SdkGets } from './sdk-gets';
import { SdkPuts } from './sdk-puts';
import { sendSignalsInContext } from './request-signal';
import { ServerClock, watchServerClock } from './server-clock';
import { SocketGetPool } from './socket-get';
import { TransferHttpHandler } from './transfer-http-handler';

export interface TransferClientOptions {
  /** A socket with no bytes moving for this long is dropped and the request retried. */
  stallTimeoutMs: number;
  connectTimeoutMs: number;
  /** Sockets per connection: at least the number of requests the queue runs at once. */
  maxSockets: number;
}

const quiet = () => undefined;
const quietLogger = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };

/** How each part or object is protected in transit, per the connection's compatibility mode. */
export type IntegrityMode = 'md5' | 'crc32';

export interface TransferClient {
  client: S3Client;
  /** PutObject and UploadPart: DirectS3 (fast) or the SDK's own commands (sdk), per `engine`. */
  puts: PutSender;
  /** Data GETs (whole objects and ranges): DirectS3 (fast) or GetObjectCommand (sdk). */
  gets: GetSender;
  engine: TransferEngine;
  record: ConnectionRecord;
  integrity: IntegrityMode;
  /** The server's clock, from its answers (multipart initiation times are compared with ours). */
  clock: ServerClock;
}

/**
 * S3 clients for the data path, one per connection, separate from the browsing client because
 * transfers need other settings: no SDK retries (the engine retries per part, with its journal).
 * The connection's transfer engine decides the rest. `fast`: no `Expect: 100-continue` (the SDK
 * opens a fresh socket for each such request), its own HTTP handler (file ranges from pooled
 * buffers, stall detection; see TransferHttpHandler), `UNSIGNED-PAYLOAD` for bodies (SigV4's
 * SHA-256 of every byte costs CPU and adds nothing over the Content-MD5/CRC32 each request
 * already carries), and PutObject/UploadPart/GetObject of the data path through DirectS3. `sdk`: the SDK's own defaults,
 * commands and NodeHttpHandler (with the engine's timeouts), for servers the fast path trips up.
 */
export class TransferClients {
  private readonly cache = new Map<string, { stamp: string; entry: TransferClient; sockets?: SocketGetPool }>();

  constructor(
    private readonly connections: ConnectionsService,
    private readonly options: TransferClientOptions,
  ) {}

  get(connectionId: string): TransferClient {
    const resolved = this.connections.resolve(connectionId);
    const stamp = resolved.record.updatedAt;
    const cached = this.cache.get(connectionId);
    if (cached?.stamp === stamp) return cached.entry;
    cached?.entry.client.destroy();
    cached?.sockets?.destroy();
    const { record } = resolved;
    const engine = record.transferEngine;
    const handler =
      engine === 'fast'
        ? new TransferHttpHandler({
            connectTimeoutMs: this.options.connectTimeoutMs,
            stallTimeoutMs: this.options.stallTimeoutMs,
            maxSockets: this.options.maxSockets,
          })
        : undefined;
    // The browsing client's provider: same credential source, resolved and refreshed once.
    const client = createS3Client(record, resolved.client.config.credentials, {
      maxAttempts: 1,
      // The engine reports failures itself; the SDK would print retry chatter to the console.
      logger: quietLogger,
      requestLog: this.connections.requestLog,
      ...(handler
        ? { expectContinueHeader: false, cacheMiddleware: true, requestHandler: handler }
        : { requestHandler: sdkHandler(this.options) }),
    });
    if (handler) {
      client.middlewareStack.add(
        (next) => (args) => {
          const request = args.request as { method?: string; body?: unknown; headers?: Record<string, string> };
          if (request.method === 'PUT' && request.body !== undefined && request.headers) {
            request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
          }
          return next(args);
        },
        { step: 'build', name: 'bucketAdminUnsignedPayload', priority: 'low' },
      );
      sendSignalsInContext(client);
    }
    const clock = new ServerClock();
    watchServerClock(client, clock);
    const sockets = handler
      ? new SocketGetPool({
          connectTimeoutMs: this.options.connectTimeoutMs,
          stallTimeoutMs: this.options.stallTimeoutMs,
          maxIdle: this.options.maxSockets,
        })
      : undefined;
    const direct = handler && sockets ? new DirectS3(client, handler, sockets, this.connections.requestLog) : undefined;
    const puts = direct ?? new SdkPuts(client);
    const gets = direct ?? new SdkGets(client);
    const entry: TransferClient = { client, puts, gets, engine, record, integrity: record.checksumCompatibility ? 'md5' : 'crc32', clock };
    this.cache.set(connectionId, { stamp, entry, ...(sockets ? { sockets } : {}) });
    return entry;
  }

  close(): void {
    for (const { entry, sockets } of this.cache.values()) {
      entry.client.destroy();
      sockets?.destroy();
    }
    this.cache.clear();
  }
}

/** The SDK's own HTTP handler with the engine's limits: connect timeout, idle (stall) timeout, sockets. */
function sdkHandler(options: TransferClientOptions): NodeHttpHandler {
  const agent = { keepAlive: true, maxSockets: options.maxSockets };
  return new NodeHttpHandler({
    connectionTimeout: options.connectTimeoutMs,
    socketTimeout: options.stallTimeoutMs,
    httpAgent: new HttpAgent(agent),
    httpsAgent: new HttpsAgent(agent),
  });
}
