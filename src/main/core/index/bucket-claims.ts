import { AppError } from '../../../shared/errors';

/**
 * Which buckets are being written into the index now (a sync or an inventory import), and by which
 * job: two writers of one bucket's rows at once would each take the other's rows for deletions.
 */
export class BucketClaims {
  /** Connection id + bucket (as JSON) → job id ('' while the job is being started). */
  private readonly held = new Map<string, string>();

  /** Claims a bucket before any await, so two requests at once cannot both start; Conflict when taken. */
  claim(connectionId: string, bucket: string): void {
    const key = keyOf(connectionId, bucket);
    if (this.held.has(key))
      throw new AppError('Conflict', `${bucket} is being indexed already. Wait for that sync or import to finish, or cancel it.`, {
        jobId: this.held.get(key) ?? '',
      });
    this.held.set(key, '');
  }

  /** Names the job that holds the bucket (a resumed job claims it again here). */
  hold(connectionId: string, bucket: string, jobId: string): void {
    this.held.set(keyOf(connectionId, bucket), jobId);
  }

  /** Releases a claim that never got a job (its start failed). */
  drop(connectionId: string, bucket: string): void {
    this.held.delete(keyOf(connectionId, bucket));
  }

  /** Releases the bucket if this job still holds it. */
  release(connectionId: string, bucket: string, jobId: string): void {
    const key = keyOf(connectionId, bucket);
    if (this.held.get(key) === jobId) this.held.delete(key);
  }
}

function keyOf(connectionId: string, bucket: string): string {
  return JSON.stringify([connectionId, bucket]);
}
