import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { JobService } from '../../../src/main/core/jobs/job-service';
import { silentLogger } from '../../../src/main/core/logger';
import { closeDatabase, openDatabase } from '../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../src/main/core/store/migrations';
import type { JobProgress } from '../../../src/shared/model/job';
import { countingKind, countingKindName, type CountInput } from '../../support/counting-job';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** What the journal holds for the job, read as another process would (read-only). */
function journaled(file: string): { state_json: string | null; outcome_json: string } | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT state_json, outcome_json FROM job_checkpoints').get() as
      { state_json: string | null; outcome_json: string } | undefined;
  } finally {
    db.close();
  }
}

describe('a process killed in the middle of a checkpointed job', () => {
  it('leaves a checkpoint that a new process resumes from, doing no finished item again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bucket-admin-checkpoint-'));
    dirs.push(dir);
    const databaseFile = join(dir, 'bucket-admin.sqlite');
    const log = join(dir, 'items.log');
    writeFileSync(log, '');
    const input: CountInput = { items: 10, failing: [2] };

    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/integration/jobs/support/checkpoint-child.ts')], {
      cwd: resolve('.'),
      env: { ...process.env, CHECKPOINT_CHILD_ARGS: JSON.stringify({ databaseFile, log, holdAt: 6, input }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    const jobId = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the child never started its job')), 30_000);
      createInterface({ input: child.stdout }).once('line', (line) => {
        clearTimeout(timer);
        done((JSON.parse(line) as { jobId: string }).jobId);
      });
    });
    // The child holds before item 6; its checkpoint for items 0–5 reaches the file within one interval.
    await expect.poll(() => journaled(databaseFile)?.state_json, { timeout: 10_000, interval: 20 }).toBe(JSON.stringify({ next: 6 }));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(readFileSync(log, 'utf8')).toBe('0\n1\n2\n3\n4\n5\n');

    // The next start of the app: a new job service on the same file, with the kind registered.
    const db = openDatabase({ file: databaseFile, migrations, logger: silentLogger });
    try {
      const events: JobProgress[] = [];
      const jobs = new JobService({
        db,
        emit: (event, payload) => event === 'jobs:progress' && events.push(payload as JobProgress),
        logger: silentLogger,
      });
      const finished = new Promise<JobProgress>((done) => {
        const check = () => {
          const end = events.find((e) => e.jobId === jobId && e.kind !== 'started' && e.kind !== 'progress');
          if (end) done(end);
          else setImmediate(check);
        };
        check();
      });
      jobs.register(countingKind({ onItem: (item) => writeFileSync(log, `${item}\n`, { flag: 'a' }) }));
      expect(jobs.interrupted(countingKindName)).toMatchObject([
        { jobId, label: 'Counting 10 items', outcome: { done: 5, failedTotal: 1 } },
      ]);
      jobs.resume(jobId);
      expect(await finished).toEqual({
        jobId,
        kind: 'finished',
        outcome: { done: 9, failed: [{ key: 'item-2', code: 'AccessDenied', message: 'Item 2 was refused.' }], failedTotal: 1 },
      });
      expect(readFileSync(log, 'utf8')).toBe('0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n');
      expect(jobs.interrupted()).toEqual([]);
      jobs.close();
    } finally {
      closeDatabase(db);
    }
    expect(journaled(databaseFile)).toBeUndefined();
  }, 60_000);
});
