import { AppError } from '../../../../shared/errors';
import type { BucketCapabilityReport, BucketHealth, FixKind, FixPreview, FixSpec } from '../../../../shared/model/bucket-health';
import type { BucketCapabilities } from '../capabilities';
import type { ConnectionsService } from '../../connections/connections-service';
import { probeBucket } from './bucket-probe';
import { fixPlanners, type FixTarget } from './fix-plans';
import type { FixUndoStore } from './fix-undo-store';
import { healthAnswer } from './health-answer';

const fixNames: Record<FixKind, string> = {
  publicReadPolicy: 'bucket policy',
  abortIncompleteUploads: 'lifecycle rules',
  uploadCors: 'CORS rules',
};

/**
 * A probe in which every call failed the same way (the server unreachable, no such bucket, a
 * wrong key) learnt nothing about the bucket: that is the answer, and nothing is kept.
 */
function probeFailure(report: BucketCapabilityReport): AppError | null {
  const r = report;
  const outcomes = [
    r.objectOwnership,
    r.publicAccessBlock,
    r.policyStatus,
    r.policyGrants,
    r.versioning,
    r.cors,
    r.lifecycle,
    r.encryption,
  ];
  const first = outcomes[0];
  if (!first || first.status !== 'error' || !outcomes.every((o) => o.status === 'error' && o.code === first.code)) return null;
  return new AppError(first.code, first.message);
}

/**
 * The bucket health panel's service: the probe report (kept in `bucket_capabilities`, probed once
 * and refreshed on demand), its plain-word answer, and the fixes — previewed, applied only as
 * previewed, and undone to exactly the document they replaced.
 */
export class BucketHealthService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly capabilities: BucketCapabilities,
    private readonly undo: FixUndoStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The bucket's health from the kept report; probes first when there is none or `refresh`. */
  async health(connectionId: string, bucket: string, refresh = false): Promise<BucketHealth> {
    const { record } = this.connections.resolve(connectionId);
    let report = refresh ? null : this.capabilities.report(connectionId, bucket);
    if (!report) {
      report = await probeBucket(this.target(connectionId, bucket).client, bucket, record.endpoint, this.now());
      const failed = probeFailure(report);
      if (failed) throw failed;
      this.capabilities.setReport(connectionId, bucket, report);
    }
    const publicBaseUrl = record.publicBaseUrl ?? null;
    return { report, answer: healthAnswer(report, publicBaseUrl), publicBaseUrl, undo: this.undo.entries(connectionId, bucket) };
  }

  /** What a fix would write, beside what is there now. */
  async preview(connectionId: string, bucket: string, spec: FixSpec): Promise<FixPreview> {
    const plan = await fixPlanners[spec.kind].plan(this.target(connectionId, bucket), spec);
    return {
      kind: spec.kind,
      format: plan.format,
      current: plan.currentBody,
      next: plan.nextBody,
      summary: plan.summary,
      unchanged: plan.unchanged,
    };
  }

  /**
   * Writes a fix, but only the document the user saw (`expected`, the preview's `next`): when the
   * bucket changed meanwhile the merge would differ, and the user must look again.
   */
  async apply(connectionId: string, bucket: string, spec: FixSpec, expected: string): Promise<BucketHealth> {
    const target = this.target(connectionId, bucket);
    const planner = fixPlanners[spec.kind];
    const plan = await planner.plan(target, spec);
    if (plan.nextBody !== expected) {
      throw new AppError(
        'Conflict',
        `The ${fixNames[spec.kind]} on “${bucket}” changed since the preview. Look at the new preview, then apply again.`,
      );
    }
    if (!plan.unchanged) {
      await plan.write();
      // What the server keeps now, in its own words: an undo compares against this.
      const applied = (await planner.readStored(target)) ?? '';
      this.undo.remember(connectionId, bucket, spec.kind, plan.stored, applied, this.now().toISOString());
    }
    return this.health(connectionId, bucket, true);
  }

  /**
   * Puts back the document a fix replaced, exactly. Refused when the document changed since the
   * fix (someone edited it): restoring then would drop their change.
   */
  async undoFix(connectionId: string, bucket: string, kind: FixKind): Promise<BucketHealth> {
    const entry = this.undo.record(connectionId, bucket, kind);
    if (!entry) throw new AppError('NotFound', `There is no ${fixNames[kind]} fix to undo on “${bucket}”.`);
    const target = this.target(connectionId, bucket);
    const planner = fixPlanners[kind];
    const now = (await planner.readStored(target)) ?? '';
    if (now !== entry.applied) {
      throw new AppError(
        'Conflict',
        `The ${fixNames[kind]} on “${bucket}” changed after the fix was applied; undoing would overwrite that change. Edit it by hand instead.`,
      );
    }
    await planner.restore(target, entry.previous);
    this.undo.forget(connectionId, bucket, kind);
    return this.health(connectionId, bucket, true);
  }

  private target(connectionId: string, bucket: string): FixTarget {
    const { record, client } = this.connections.resolve(connectionId);
    return { client, bucket, endpoint: record.endpoint ?? 'AWS' };
  }
}
