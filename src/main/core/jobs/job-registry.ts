import { randomUUID } from 'node:crypto';

/** Long work runs under a job id; `jobs:cancel` aborts it through the job's AbortSignal. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Starts tracking a job and returns its id and the signal its work must honour. */
  start(): { jobId: string; signal: AbortSignal } {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return { jobId, signal: controller.signal };
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  /** False when the job is unknown or already over, so the UI can tell "too late" apart. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    this.running.delete(jobId);
    return true;
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
  }
}
