/**
 * v5: checkpoints of long jobs that must survive a quit or a crash (bulk header edits, index
 * sync). A row exists while such a job runs or was cut short by the app stopping; a job that
 * finishes, fails or is cancelled removes its row. At start-up every row is an interrupted job,
 * resumed by its kind from `state_json` (where it got to) with `outcome_json` (what it had done
 * and what failed) so the work done before the restart is neither redone nor forgotten.
 * `input_json` is what the job was started with; `resumes` counts the restarts it survived.
 * Append-only: this SQL is hashed into schema_migrations once applied; never edit it.
 */
export const v7JobCheckpoints = `
CREATE TABLE job_checkpoints (
  job_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  input_json TEXT NOT NULL,
  state_json TEXT,
  outcome_json TEXT NOT NULL,
  resumes INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX job_checkpoints_kind ON job_checkpoints (kind, created_at);
`;
