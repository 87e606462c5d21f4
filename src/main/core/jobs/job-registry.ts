import { randomUUID } from 'node:crypto';

/** Why a job was stopped: the user cancelled or paused it, or the app is shutting down (checkpoints stay but for a cancel). */
export type JobStop = 'cancel' | 'shutdown' | 'pause';

/** A fresh job id: what `jobs:progress` events carry and `jobs:cancel` takes. */
export function newJobId(): string {
  return randomUUID();
}

/**
 * The running jobs of one owner, by id, each with the AbortController its work honours and why it
 * was stopped. Jobs stop for `cancel` or `shutdown`; the transfer queue's items also for `pause`.
 * A job stays listed until its work has returned (`finish`), so whatever it holds (a slot, a
 * checkpoint) is known to be let go only then.
 */
export class JobRegistry<Reason extends string = JobStop> {
  private readonly running = new Map<string, { controller: AbortController; reason?: Reason }>();

  /** Starts tracking a job (under a fresh id unless given one) and returns the signal its work must honour. */
  start(jobId: string = newJobId()): { jobId: string; signal: AbortSignal } {
    if (this.running.has(jobId)) throw new Error(`Job ${jobId} is already running.`);
    const controller = new AbortController();
    this.running.set(jobId, { controller });
    return { jobId, signal: controller.signal };
  }

  has(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Jobs whose work has not returned yet, stopping ones included. */
  get size(): number {
    return this.running.size;
  }

  /** Stops a running job for `reason`. False when it is unknown, over or already stopping (the first reason stands). */
  stop(jobId: string, reason: Reason): boolean {
    const run = this.running.get(jobId);
    if (!run || run.controller.signal.aborted) return false;
    run.reason = reason;
    run.controller.abort();
    return true;
  }

  /** Why a job was stopped; undefined while it runs unstopped or once it is over. */
  reasonOf(jobId: string): Reason | undefined {
    return this.running.get(jobId)?.reason;
  }

  /** The job's work has returned: forgets it and says why it was stopped, if it was. */
  finish(jobId: string): Reason | undefined {
    const reason = this.reasonOf(jobId);
    this.running.delete(jobId);
    return reason;
  }

  /** Stops every job for `reason`, over any earlier one: the app is going away, whatever was asked before. */
  stopAll(reason: Reason): void {
    for (const run of this.running.values()) {
      run.reason = reason;
      run.controller.abort();
    }
  }
}
