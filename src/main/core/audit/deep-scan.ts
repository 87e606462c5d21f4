import { GetBucketPolicyCommand, GetPublicAccessBlockCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { forEachConcurrent } from '../../../shared/concurrency';
import type { DeepScanPlan } from '../../../shared/model/audit';
import { isAppError } from '../../../shared/errors';
import { jobAclState, type BucketCapabilities } from '../access/capabilities';
import { getObjectAcl, toRawAcl } from '../access/acl-reader';
import { combinedBlock } from '../access/health/block-public-access';
import { summarizeAcl } from '../access/acl-summary';
import type { ResolvedConnection } from '../connections/connections-service';
import type { IndexStore } from '../index/index-store';
import { keyRangeCondition } from '../index/key-range';
import { etagSql, toStoredEtagSql } from '../index/stored-values';
import type { JobContext } from '../jobs/job-runner';
import { toAppError } from '../s3/s3-errors';
import { cacheIssue } from './cache-rules';
import { anyoneCanRead, publicReadPolicy, type AclState, type BlockPublicAccess, type ExposureFacts } from './exposure-rules';

/** Objects scanned at once: each holds one HEAD and one GetObjectAcl in flight. */
export const deepScanConcurrency = 8;
/** Rows written to the index per transaction. */
const writeBatch = 200;
/** Bucket-level requests of a scan: GetBucketPolicy and GetPublicAccessBlock. */
const bucketRequests = 2;
/** AWS S3 Standard list price of GET-class requests (HEAD and GetObjectAcl are GET-class), per request. */
const usdPerRequest = 0.0004 / 1000;

interface Target {
  id: number;
  key: string;
  etag: string | null;
}

/** What a deep scan of a prefix touches. */
export interface DeepScanScope {
  connection: ResolvedConnection;
  bucket: string;
  /** `buckets.id` of the bucket in the index (-1: never indexed, nothing to scan). */
  bucketId: number;
  prefix: string;
  /** The most requests the scan may make, bucket-level ones included. */
  budget: number;
}

/**
 * Objects under the prefix not scanned at their current version (a sync that sees a new version
 * clears `scanned_at`): what a scan, or its resume after a cancel or crash, still has to do.
 */
function pendingWhere(prefix: string): { sql: string; params: Record<string, string> } {
  const range = keyRangeCondition('o.key', 'under', prefix);
  return { sql: `o.bucket_id = @bucketId ${range ? `AND ${range.sql}` : ''} AND o.scanned_at IS NULL`, params: range?.params ?? {} };
}

/** How many requests the scan will make and what they roughly cost, before it starts. */
export async function planDeepScan(store: IndexStore, scope: DeepScanScope, capabilities: BucketCapabilities): Promise<DeepScanPlan> {
  const where = pendingWhere(scope.prefix);
  const row = await store.get<{ n: number }>(`SELECT count(*) AS n FROM objects o WHERE ${where.sql}`, {
    bucketId: scope.bucketId,
    ...where.params,
  });
  const pending = row?.n ?? 0;
  const perObject = capabilities.aclSupport(scope.connection.record.id, scope.bucket) === 'disabled' ? 1 : 2;
  const affordable = Math.max(0, Math.floor((scope.budget - bucketRequests) / perObject));
  const objects = Math.min(pending, affordable);
  const requests = objects === 0 ? 0 : objects * perObject + bucketRequests;
  return { objects, requests, estimatedUsd: requests * usdPerRequest, cappedAt: pending > affordable ? affordable : null };
}

/** Reads the bucket's policy and Block Public Access settings; null where the bucket has none or they cannot be read. */
async function bucketFacts(
  connection: ResolvedConnection,
  bucket: string,
): Promise<{ policy: string | null; block: BlockPublicAccess | null }> {
  let policy: string | null = null;
  let block: BlockPublicAccess | null = null;
  try {
    policy = (await connection.client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? null;
  } catch {
    // NoSuchBucketPolicy (none), or not allowed to read it: then no policy opens objects as far as we know.
  }
  try {
    const config = (await connection.client.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
    if (config)
      block = { ignorePublicAcls: config.IgnorePublicAcls === true, restrictPublicBuckets: config.RestrictPublicBuckets === true };
  } catch {
    // No configuration: nothing is blocked.
  }
  return { policy, block };
}

/**
 * The deep scan job: HEAD and GetObjectAcl for each object under the prefix not yet scanned at its
 * current ETag, at most `deepScanConcurrency` at once and within the request budget, each result
 * judged (cache issue, anyone can read) and written to `object_scans` in batches. A scan cut short
 * (cancel, crash, budget) resumes where it stopped: what is scanned at its ETag is skipped.
 */
export async function runDeepScan(
  store: IndexStore,
  scope: DeepScanScope,
  capabilities: BucketCapabilities,
  ctx: JobContext,
  now: () => Date = () => new Date(),
): Promise<void> {
  const { connection, bucket } = scope;
  const endpoint = connection.record.endpoint ?? 'AWS';
  const plan = await planDeepScan(store, scope, capabilities);
  ctx.progress(plan.objects, 0);
  if (plan.objects === 0) return;
  const { policy, block: bucketBlock } = await bucketFacts(connection, bucket);
  // The account's switches, where the health probe read them, apply on top of the bucket's.
  const account = capabilities.report(connection.record.id, bucket)?.accountPublicAccessBlock;
  const block = account?.status === 'ok' && account.value ? combinedBlock(bucketBlock, account.value) : bucketBlock;
  const acls = jobAclState({ capabilities, connectionId: connection.record.id, bucket });
  await store.write([
    {
      sql: `INSERT INTO bucket_scans (bucket_id, scanned_at, acls_enabled, policy_json, block_public_json)
            VALUES (@bucketId, @at, @acls, @policy, @block)
            ON CONFLICT (bucket_id) DO UPDATE SET scanned_at = excluded.scanned_at, acls_enabled = excluded.acls_enabled,
            policy_json = excluded.policy_json, block_public_json = excluded.block_public_json`,
      rows: [
        {
          bucketId: scope.bucketId,
          at: now().toISOString(),
          acls: acls.enabled ? 1 : 0,
          policy,
          block: block ? JSON.stringify(block) : null,
        },
      ],
    },
  ]);
  const policyRules = publicReadPolicy(policy, bucket);
  const where = pendingWhere(scope.prefix);
  const targets = await store.all<Target>(
    `SELECT o.id, o.key, ${etagSql('o.etag')} AS etag FROM objects o WHERE ${where.sql} ORDER BY o.key LIMIT @limit`,
    {
      bucketId: scope.bucketId,
      ...where.params,
      limit: plan.objects,
    },
  );
  let pending: Array<Record<string, string | number | null>> = [];
  let done = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    // Only onto the version scanned: a sync that replaced the row meanwhile keeps it unscanned.
    // What was found goes in `object_scans` (index v14), `scanned_at` on the row; one transaction.
    const scannedVersion = `id = @id AND etag IS ${toStoredEtagSql('@etag')}`;
    await store.write([
      {
        sql: `INSERT OR REPLACE INTO object_scans (object_id, content_type, cache_control, cache_issue, metadata_json, acl_json, public_read, anyone_can_read)
              SELECT @id, @contentType, @cacheControl, @cacheIssue, @metadata, @aclJson, @publicRead, @anyone
              WHERE EXISTS (SELECT 1 FROM objects WHERE ${scannedVersion})`,
        rows,
      },
      { sql: `UPDATE objects SET scanned_at = @at WHERE ${scannedVersion}`, rows },
    ]);
  };
  await forEachConcurrent(
    targets,
    deepScanConcurrency,
    async (target, signal) => {
      try {
        const head = await connection.client.send(new HeadObjectCommand({ Bucket: bucket, Key: target.key }), { abortSignal: signal });
        let acl: AclState = acls.enabled ? 'unknown' : 'disabled';
        let aclJson: string | null = null;
        if (acls.enabled) {
          try {
            const summary = summarizeAcl(toRawAcl(await getObjectAcl(connection.client, { bucket, key: target.key })));
            acl = summary.publicRead ? 'public-read' : 'private';
            aclJson = JSON.stringify(summary.grants.map((g) => ({ grantee: g.grantee, type: g.granteeKind, permission: g.permission })));
          } catch (error) {
            const code = toAppError(error, { bucket, key: target.key, endpoint }).code;
            if (code === 'AclsDisabled') {
              acls.disable(true);
              acl = 'disabled';
            } else if (code === 'EndpointUnreachable') throw error;
          }
        }
        const facts: ExposureFacts = { acl, policy: policyRules, blockPublic: block };
        const readable = anyoneCanRead(target.key, facts);
        pending.push({
          id: target.id,
          at: now().toISOString(),
          etag: target.etag,
          aclJson,
          publicRead: acl === 'public-read' ? 1 : acl === 'private' ? 0 : null,
          contentType: head.ContentType ?? null,
          cacheControl: head.CacheControl ?? null,
          cacheIssue: cacheIssue(target.key, head.CacheControl),
          metadata: head.Metadata && Object.keys(head.Metadata).length > 0 ? JSON.stringify(head.Metadata) : null,
          anyone: readable === null ? null : readable ? 1 : 0,
        });
        ctx.tally.succeeded();
      } catch (error) {
        const appError = isAppError(error) ? error : toAppError(error, { bucket, key: target.key, endpoint });
        // The server is gone: stop the scan (what is written stays; a new scan resumes) instead of failing every object.
        if (appError.code === 'EndpointUnreachable') throw appError;
        ctx.tally.failed(target.key, appError);
      }
      done += 1;
      ctx.progress(plan.objects, done);
      if (pending.length >= writeBatch) await flush();
    },
    ctx.signal,
  ).finally(flush);
}
