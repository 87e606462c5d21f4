import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../s3/client-factory';
import type { ConnectionRecord } from '../../connections/connection-record';
import type { Logger } from '../../logger';

/**
 * A bulk job's own S3 client: the connection's endpoint, credentials and request log, with the
 * SDK's resolved middleware chain reused from one request to the next (`cacheMiddleware`). A bulk
 * edit sends four or five small requests per object, thousands of objects in a row, and building
 * that chain for each was a measurable part of the job's CPU on two cores shared with the server.
 * The SDK reuses the chain only for sends without options, so an abort signal passed to one send
 * is dropped here: a paused or cancelled job takes no new object and leaves the ones in flight
 * undone (their few small requests still finish; a resumed job finds them at the target and skips them).
 */
export function bulkJobClient(record: ConnectionRecord, connectionClient: S3Client, requestLog: Logger): S3Client {
  const client = createS3Client(record, connectionClient.config.credentials, { cacheMiddleware: true, requestLog });
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  client.send = ((command: unknown) => send(command)) as S3Client['send'];
  return client;
}
