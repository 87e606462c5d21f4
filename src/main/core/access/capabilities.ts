import { GetBucketOwnershipControlsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AclSupport } from '../../../shared/model/bucket-capabilities';
import type { BucketCapabilityReport } from '../../../shared/model/bucket-health';
import type { SqlDatabase, SqlStatement } from '../store/sql-port';

/*
 * What a bucket can do, in one place: asked of the bucket (a probe) or learnt from its refusals,
 * and remembered per connection and bucket in `bucket_capabilities` (state.sqlite, migration v5)
 * so later uploads, copies and edits need not ask again. One row per capability:
 * - `objectAcls`: 'supported' | 'disabled' — whether object ACLs are taken (Object Ownership).
 * - `healthReport`: the health panel's last probe (`access/health/bucket-probe.ts`) as JSON: Object
 *   Ownership, Block Public Access, the policy's grants on `public/*` and `private/*`, versioning,
 *   CORS, lifecycle, default encryption. Refreshed on demand.
 */

const objectAcls = 'objectAcls';
const healthReport = 'healthReport';

/**
 * Asks the bucket whether it takes object ACLs (Object Ownership). BucketOwnerEnforced means ACLs
 * are disabled; a bucket without ownership controls, or with another setting, takes them. Servers
 * that do not implement this (Ceph RGW answers with an empty document) stay `unknown`: the first
 * upload with an ACL then finds out, and an AccessControlListNotSupported answer is remembered.
 */
export async function probeAclSupport(client: S3Client, bucket: string, signal: AbortSignal): Promise<AclSupport> {
  try {
    const out = await client.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }), { abortSignal: signal });
    const rule = out.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
    if (rule === 'BucketOwnerEnforced') return 'disabled';
    return rule ? 'supported' : 'unknown';
  } catch (error) {
    return (error as { name?: string }).name === 'OwnershipControlsNotFoundError' ? 'supported' : 'unknown';
  }
}

/**
 * The remembered capabilities of each bucket. Rows go with their connection (foreign key,
 * ON DELETE CASCADE). After `close()` reads say `unknown` and writes are dropped, so the late
 * callback of an aborted request cannot touch a closed database.
 */
export class BucketCapabilities {
  private readonly read: SqlStatement;
  private readonly write: SqlStatement;
  private readonly forget: SqlStatement;
  private closed = false;

  constructor(
    db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.read = db.prepare('SELECT value FROM bucket_capabilities WHERE connection_id = ? AND bucket = ? AND capability = ?');
    // Written only while the connection exists: a connection removed mid-upload leaves no row behind.
    this.write = db.prepare(
      `INSERT INTO bucket_capabilities (connection_id, bucket, capability, value, checked_at)
       SELECT @connectionId, @bucket, @capability, @value, @checkedAt WHERE EXISTS (SELECT 1 FROM connections WHERE id = @connectionId)
       ON CONFLICT (connection_id, bucket, capability) DO UPDATE SET value = excluded.value, checked_at = excluded.checked_at`,
    );
    this.forget = db.prepare('DELETE FROM bucket_capabilities WHERE connection_id = ? AND bucket = ? AND capability = ?');
  }

  close(): void {
    this.closed = true;
  }

  /** Whether the bucket takes object ACLs, as far as is known. */
  aclSupport(connectionId: string, bucket: string): AclSupport {
    if (this.closed) return 'unknown';
    const row = this.read.get(connectionId, bucket, objectAcls) as { value: string } | undefined;
    return row?.value === 'supported' || row?.value === 'disabled' ? row.value : 'unknown';
  }

  /** Records what the bucket said; `unknown` forgets it. Unchanged values are not rewritten. */
  setAclSupport(connectionId: string, bucket: string, support: AclSupport): void {
    if (this.closed || this.aclSupport(connectionId, bucket) === support) return;
    if (support === 'unknown') this.forget.run(connectionId, bucket, objectAcls);
    else this.write.run({ connectionId, bucket, capability: objectAcls, value: support, checkedAt: this.now().toISOString() });
  }

  /** The last health probe of the bucket, or null before the first. */
  report(connectionId: string, bucket: string): BucketCapabilityReport | null {
    if (this.closed) return null;
    const row = this.read.get(connectionId, bucket, healthReport) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as BucketCapabilityReport) : null;
  }

  /**
   * Keeps a probe's report; what it says of Object Ownership also settles `objectAcls`, so uploads
   * and copies stop asking where the bucket enforces bucket-owner ownership.
   */
  setReport(connectionId: string, bucket: string, report: BucketCapabilityReport): void {
    if (this.closed) return;
    this.write.run({ connectionId, bucket, capability: healthReport, value: JSON.stringify(report), checkedAt: report.checkedAt });
    const ownership = report.objectOwnership;
    if (ownership.status === 'ok')
      this.setAclSupport(connectionId, bucket, ownership.value === 'BucketOwnerEnforced' ? 'disabled' : 'supported');
  }
}

/**
 * Whether one job (a copy, move or rename of many objects) still reads and copies object ACLs.
 * Shared by the job's copies: once the bucket says it has none, the rest stop asking.
 */
export interface JobAclState {
  readonly enabled: boolean;
  /**
   * The bucket has no object ACLs. `remember` when it said so in words (AccessControlListNotSupported):
   * later jobs and uploads then know it too; a server that merely lacks the API affects this job only.
   */
  disable(remember: boolean): void;
}

/** A job's ACL state, starting from what is known about the bucket (or from "enabled" without a store). */
export function jobAclState(known?: { capabilities: BucketCapabilities; connectionId: string; bucket: string }): JobAclState {
  let enabled = known === undefined || known.capabilities.aclSupport(known.connectionId, known.bucket) !== 'disabled';
  return {
    get enabled() {
      return enabled;
    },
    disable(remember) {
      enabled = false;
      if (remember && known) known.capabilities.setAclSupport(known.connectionId, known.bucket, 'disabled');
    },
  };
}
