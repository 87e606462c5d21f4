import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { JobOutcome } from '../../../shared/model/job';

/** A checkpointed job the journal holds: running in this process, or cut short by a quit or crash. */
export interface CheckpointRecord {
  jobId: string;
  kind: string;
  label: string;
  /** What the job was started with, as JSON text (the kind parses it). */
  inputJson: string;
  /** Where the job got to, as JSON text; null before its first checkpoint. */
  stateJson: string | null;
  outcome: JobOutcome;
  /** How many times it was resumed after the app stopped. */
  resumes: number;
  createdAt: string;
  updatedAt: string;
}

interface CheckpointRow {
  job_id: string;
  kind: string;
  label: string;
  input_json: string;
  state_json: string | null;
  outcome_json: string;
  resumes: number;
  created_at: string;
  updated_at: string;
}

const outcomeSchema = z.object({
  done: z.number().int().min(0),
  failed: z.array(z.object({ key: z.string(), code: z.string(), message: z.string() })),
  failedTotal: z.number().int().min(0),
});

const emptyOutcome: JobOutcome = { done: 0, failed: [], failedTotal: 0 };

/**
 * The `job_checkpoints` table (migration v5): one row per checkpointed job until it ends. Each
 * write is one statement, so a row's state and outcome always belong together, whenever the
 * process dies. After `close()` every call is a no-op, so a job winding down after the database
 * closed cannot fail on it.
 */
export class CheckpointStore {
  private closed = false;
  private readonly stmts: Record<'insert' | 'save' | 'resumed' | 'remove' | 'get' | 'all' | 'byKind', Statement>;

  constructor(db: Database) {
    this.stmts = {
      insert: db.prepare(`INSERT INTO job_checkpoints (job_id, kind, label, input_json, state_json, outcome_json, created_at, updated_at)
        VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`),
      save: db.prepare(`UPDATE job_checkpoints SET state_json = ?, outcome_json = ?, updated_at = ? WHERE job_id = ?`),
      resumed: db.prepare(`UPDATE job_checkpoints SET resumes = resumes + 1, updated_at = ? WHERE job_id = ?`),
      remove: db.prepare(`DELETE FROM job_checkpoints WHERE job_id = ?`),
      get: db.prepare(`SELECT * FROM job_checkpoints WHERE job_id = ?`),
      all: db.prepare(`SELECT * FROM job_checkpoints ORDER BY created_at, job_id`),
      byKind: db.prepare(`SELECT * FROM job_checkpoints WHERE kind = ? ORDER BY created_at, job_id`),
    };
  }

  /** Journals a job as it starts, before any of its work is done. */
  insert(job: { jobId: string; kind: string; label: string; inputJson: string }): void {
    if (this.closed) return;
    const now = new Date().toISOString();
    this.stmts.insert.run(job.jobId, job.kind, job.label, job.inputJson, JSON.stringify(emptyOutcome), now, now);
  }

  /** Where the job got to and what it had done by then, in one write. */
  save(jobId: string, stateJson: string, outcome: JobOutcome): void {
    if (this.closed) return;
    this.stmts.save.run(stateJson, JSON.stringify(outcome), new Date().toISOString(), jobId);
  }

  markResumed(jobId: string): void {
    if (this.closed) return;
    this.stmts.resumed.run(new Date().toISOString(), jobId);
  }

  /** The job is over: nothing to resume. */
  remove(jobId: string): void {
    if (this.closed) return;
    this.stmts.remove.run(jobId);
  }

  get(jobId: string): CheckpointRecord | undefined {
    if (this.closed) return undefined;
    const row = this.stmts.get.get(jobId) as CheckpointRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Every journaled job, oldest first; only those of `kind` when given. */
  list(kind?: string): CheckpointRecord[] {
    if (this.closed) return [];
    const rows = (kind === undefined ? this.stmts.all.all() : this.stmts.byKind.all(kind)) as CheckpointRow[];
    return rows.map(toRecord);
  }

  close(): void {
    this.closed = true;
  }
}

function toRecord(row: CheckpointRow): CheckpointRecord {
  const outcome = outcomeSchema.safeParse(safeJson(row.outcome_json));
  return {
    jobId: row.job_id,
    kind: row.kind,
    label: row.label,
    inputJson: row.input_json,
    stateJson: row.state_json,
    // An unreadable outcome loses only the counts shown at the end, never the work's position.
    outcome: outcome.success ? outcome.data : emptyOutcome,
    resumes: row.resumes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** JSON.parse that answers undefined for text that is not JSON. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
