import {
  DeleteBucketPolicyCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Logger } from '../../../src/main/core/logger';
import { forEachConcurrent } from '../../../src/shared/concurrency';
import type { EventPayload } from '../../../src/shared/contract';
import type { JobProgress } from '../../../src/shared/model/job';
import { startCore, type CoreHarness } from '../../support/core-harness';
import type { GatewayHandle } from '../../../src/main/local-gateway/ceph-gateway';
import { createTestBucket, gatewayFromState, type TestBucket } from '../../support/s3-test-env';

/** A real core with one connection to the test gateway and a fresh bucket, plus the job events it emits. */
export interface BrowseEnv {
  gw: GatewayHandle;
  h: CoreHarness;
  tb: TestBucket;
  bucket: string;
  client: S3Client;
  connectionId: string;
  events: JobProgress[];
  /** Resolves with the job's last event (finished, failed or cancelled); fails after `timeoutMs`. */
  jobEnd(jobId: string, timeoutMs?: number): Promise<JobProgress>;
  /** Resolves with the first event of the job that matches. */
  jobEvent(jobId: string, match: (e: JobProgress) => boolean, timeoutMs?: number): Promise<JobProgress>;
  close(): Promise<void>;
}

/** `logger` receives the core's log, its one line per S3 request included (see request-log.ts). */
export async function startBrowseEnv(
  label: string,
  opts: { endpoint?: string; versioning?: boolean; logger?: Logger } = {},
): Promise<BrowseEnv> {
  const gw = gatewayFromState();
  const tb = await createTestBucket(gw, label, opts.versioning ? { versioning: true } : {});
  const h = startCore(opts.logger ? { logger: opts.logger } : {});
  const events: JobProgress[] = [];
  const waiters = new Set<() => void>();
  h.core.onEvent((event, payload) => {
    if (event !== 'jobs:progress') return;
    events.push(payload as EventPayload<'jobs:progress'>);
    for (const w of waiters) w();
  });
  const connection = await h.value('connections:add', {
    name: 'Gateway',
    credentials: { kind: 'keys', accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey },
    endpoint: opts.endpoint ?? gw.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
  });
  const jobEvent = (jobId: string, match: (e: JobProgress) => boolean, timeoutMs = 60_000) =>
    new Promise<JobProgress>((resolve, reject) => {
      const check = () => {
        const found = events.find((e) => e.jobId === jobId && match(e));
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `job ${jobId}: no matching event in ${timeoutMs} ms; saw ${JSON.stringify(events.filter((e) => e.jobId === jobId).map((e) => e.kind))}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    gw,
    h,
    tb,
    bucket: tb.bucket,
    client: tb.client,
    connectionId: connection.id,
    events,
    jobEvent,
    jobEnd: (jobId, timeoutMs) => jobEvent(jobId, (e) => e.kind === 'finished' || e.kind === 'failed' || e.kind === 'cancelled', timeoutMs),
    async close() {
      h.close();
      await tb.client.send(new DeleteBucketPolicyCommand({ Bucket: tb.bucket })).catch(() => undefined);
      await tb.cleanup();
    },
  };
}

/** Puts many objects with `concurrency` requests in flight (test fixtures, not app code). */
export async function putMany(client: S3Client, inputs: PutObjectCommandInput[], concurrency = 32): Promise<void> {
  await forEachConcurrent(inputs, concurrency, async (input) => {
    await client.send(new PutObjectCommand(input));
  });
}

/** A bucket policy that denies `actions` to everyone (the owner included) on the given resources. */
export async function denyPolicy(
  client: S3Client,
  bucket: string,
  statements: { actions: string[]; resource: string; prefixCondition?: string }[],
): Promise<void> {
  const Statement = statements.map((s) => ({
    Effect: 'Deny',
    Principal: { AWS: ['*'] },
    Action: s.actions,
    Resource: [s.resource],
    ...(s.prefixCondition ? { Condition: { StringLike: { 's3:prefix': [s.prefixCondition] } } } : {}),
  }));
  await client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement }) }));
}

/** Reads a Node stream or text body to a Buffer. */
export async function bodyBytes(body: NodeJS.ReadableStream | string | null): Promise<Buffer> {
  if (body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
