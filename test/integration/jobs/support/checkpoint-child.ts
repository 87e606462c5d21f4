// Child process for the checkpoint crash test: opens the app's database on a given file, starts a
// checkpointed job that appends each item it does to a log file, and holds before item
// `holdAt` until it is killed. It prints the job id as a JSON line once the job is started.
import { appendFileSync } from 'node:fs';
import { JobService } from '../../../../src/main/core/jobs/job-service';
import { silentLogger } from '../../../../src/main/core/logger';
import { openDatabase } from '../../../../src/main/core/store/database';
import { stateMigrations as migrations } from '../../../../src/main/core/store/migrations';
import { countingKind, untilAborted, type CountInput } from '../../../support/counting-job';

interface ChildArgs {
  databaseFile: string;
  log: string;
  holdAt: number;
  input: CountInput;
}

const args = JSON.parse(process.env.CHECKPOINT_CHILD_ARGS ?? '{}') as ChildArgs;
const db = openDatabase({ file: args.databaseFile, migrations, logger: silentLogger });
const jobs = new JobService({ db, emit: () => {}, logger: silentLogger });
const kind = countingKind({
  onItem: (item) => appendFileSync(args.log, `${item}\n`),
  beforeItem: (item, signal) => (item === args.holdAt ? untilAborted(signal) : Promise.resolve()),
});
jobs.register(kind);
const { jobId } = jobs.startCheckpointed(kind, args.input);
process.stdout.write(`${JSON.stringify({ jobId })}\n`);
// Stay alive: the test kills this process while the job holds.
setInterval(() => undefined, 60_000);
