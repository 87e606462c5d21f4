import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { JobOutcome, JobStarted } from '../../../shared/model/job';
import type { Logger } from '../logger';
import type { EventSink } from '../router';
import { CheckpointStore, safeJson } from './checkpoint-store';
import type { CheckpointedKind } from './checkpointed-job';
import { JobRegistry, newJobId, type JobStop } from './job-registry';
import { startJob, type JobHost, type JobSpec } from './job-runner';
import { OutcomeTally, type TallyMark } from './outcome-tally';
import { Throttle } from './throttle';

/** A checkpointed job journaled by an earlier run that stopped (quit or crash) while it ran. */
export interface InterruptedJob {
  jobId: string;
  kind: string;
  label: string;
  /** What it had done, and what failed, by its last checkpoint. */
  outcome: JobOutcome;
  resumes: number;
  createdAt: string;
  updatedAt: string;
}

export interface JobServiceDeps {
  db: Database;
  emit: EventSink;
  logger: Logger;
  /** At most how often a running checkpointed job is journaled; tests shorten it. */
  checkpointIntervalMs?: number;
}

/** A checkpoint write is one small UPDATE: four a second costs nothing and redoes at most ¼ s of work. */
export const defaultCheckpointIntervalMs = 250;

interface CheckpointedRun<I, S> {
  jobId: string;
  label: string;
  input: I;
  resumedFrom: S | undefined;
  tally: OutcomeTally;
}

/**
 * The one job layer: long work under a job id, with throttled `jobs:progress` events, cancel by
 * id and an outcome tally (`start`); and checkpointed jobs (`startCheckpointed`), journaled in
 * `job_checkpoints` as they go, so that after a quit or a crash `interrupted()` lists them and
 * `resume()` runs them on from their last checkpoint through their registered kind.
 */
export class JobService {
  private readonly registry = new JobRegistry();
  private readonly store: CheckpointStore;
  private readonly kinds = new Map<string, CheckpointedKind<unknown, unknown>>();
  /** The checkpoint writers of the checkpointed jobs running now: flushed when the app quits. */
  private readonly writers = new Map<string, Throttle>();
  private readonly host: JobHost;

  constructor(private readonly deps: JobServiceDeps) {
    this.store = new CheckpointStore(deps.db);
    this.host = { jobs: this.registry, emit: deps.emit, logger: deps.logger };
  }

  /** Starts long work under a fresh job id and returns the id at once (see `startJob`). */
  start(spec: JobSpec): JobStarted {
    return startJob(this.host, spec);
  }

  /** Registers a checkpointed kind at start-up, so its interrupted jobs can be resumed. */
  register<I, S>(kind: CheckpointedKind<I, S>): void {
    if (this.kinds.has(kind.kind)) throw new Error(`The job kind “${kind.kind}” is registered twice.`);
    this.kinds.set(kind.kind, kind);
  }

  /** Journals a new job of a registered kind, then runs it like any job; returns its id at once. */
  startCheckpointed<I, S>(kind: CheckpointedKind<I, S>, input: I): JobStarted {
    if (this.kinds.get(kind.kind) !== kind)
      throw new Error(`Register the job kind “${kind.kind}” before starting one, so it can be resumed after a restart.`);
    const jobId = newJobId();
    const label = kind.label(input);
    this.store.insert({ jobId, kind: kind.kind, label, inputJson: JSON.stringify(input) });
    return this.runCheckpointed(kind, { jobId, label, input, resumedFrom: undefined, tally: new OutcomeTally() });
  }

  /** Checkpointed jobs an earlier run left unfinished (all kinds, or one), oldest first. */
  interrupted(kind?: string): InterruptedJob[] {
    return this.store
      .list(kind)
      .filter((record) => !this.registry.has(record.jobId))
      .map(({ jobId, kind: k, label, outcome, resumes, createdAt, updatedAt }) => ({
        jobId,
        kind: k,
        label,
        outcome,
        resumes,
        createdAt,
        updatedAt,
      }));
  }

  /** Runs an interrupted job on from its last checkpoint, under the same id, with its tally so far. */
  resume(jobId: string): JobStarted {
    const record = this.registry.has(jobId) ? undefined : this.store.get(jobId);
    if (!record)
      throw new AppError('NotFound', 'This job is not waiting to be resumed: it already finished, was discarded, or is running.', {
        jobId,
      });
    const kind = this.kinds.get(record.kind);
    const input = kind?.input.safeParse(safeJson(record.inputJson));
    const state = record.stateJson === null ? undefined : kind?.state.safeParse(safeJson(record.stateJson));
    if (!kind || !input?.success || (state !== undefined && !state.success)) {
      throw new AppError(
        'InvalidInput',
        `“${record.label}” was left unfinished by a version of Bucket Admin that saved it differently, so it cannot be resumed. Discard it and start it again.`,
        { jobId, kind: record.kind },
      );
    }
    this.store.markResumed(jobId);
    this.deps.logger.info('Resuming an interrupted job', { jobId, kind: record.kind, resumes: record.resumes + 1 });
    return this.runCheckpointed(kind, {
      jobId,
      label: record.label,
      input: input.data,
      resumedFrom: state?.data,
      tally: OutcomeTally.from(record.outcome),
    });
  }

  /** Forgets an interrupted job without running it; false when there is none by that id (or it runs). */
  discard(jobId: string): boolean {
    if (this.registry.has(jobId) || !this.store.get(jobId)) return false;
    this.store.remove(jobId);
    return true;
  }

  /** False when the job is unknown, over or already stopping, so the UI can tell "too late" apart. */
  cancel(jobId: string): boolean {
    return this.registry.stop(jobId, 'cancel');
  }

  /**
   * Stops a running checkpointed job and keeps its checkpoint, so `resume` runs it on later (it
   * ends with a `cancelled` event). False when it is unknown, over or already stopping.
   */
  pause(jobId: string): boolean {
    if (!this.writers.has(jobId)) return false;
    return this.registry.stop(jobId, 'pause');
  }

  /** Why a running job was asked to stop (its work reads this once its signal aborts); undefined while unstopped. */
  stopReason(jobId: string): JobStop | undefined {
    return this.registry.reasonOf(jobId);
  }

  /** For a quit: journals each checkpointed job's latest state, then stops every job. */
  close(): void {
    for (const writer of this.writers.values()) writer.flushNow();
    this.registry.stopAll('shutdown');
    this.store.close();
  }

  private runCheckpointed<I, S>(kind: CheckpointedKind<I, S>, job: CheckpointedRun<I, S>): JobStarted {
    let pending: { stateJson: string; mark: TallyMark } | undefined;
    const writer = new Throttle(this.deps.checkpointIntervalMs ?? defaultCheckpointIntervalMs, () => {
      if (!pending) return;
      this.store.save(job.jobId, pending.stateJson, job.tally.outcomeAt(pending.mark));
      pending = undefined;
    });
    this.writers.set(job.jobId, writer);
    const work: JobSpec['work'] = async (ctx) => {
      try {
        await kind.run({
          ...ctx,
          jobId: job.jobId,
          input: job.input,
          resumedFrom: job.resumedFrom,
          checkpoint(state) {
            pending = { stateJson: JSON.stringify(state), mark: job.tally.mark() };
            writer.request();
          },
        });
      } finally {
        this.writers.delete(job.jobId);
        // A quit or a pause keeps the row for a resume (with the latest state written); any other
        // end (finished, failed, cancelled) leaves nothing to resume.
        const reason = this.registry.reasonOf(job.jobId);
        if (reason === 'shutdown' || reason === 'pause') writer.flushNow();
        else this.store.remove(job.jobId);
        writer.close();
      }
    };
    return startJob(this.host, { label: job.label, work }, { jobId: job.jobId, tally: job.tally });
  }
}
