// Child process for the bulk edit crash test: opens the app core on a data folder the test made
// (its connection already added), starts a bulk edit through the router as the renderer would,
// prints the job id as a JSON line, and runs until the test kills it.
import { startCore } from '../../../support/core-harness';
import type { ChannelInput } from '../../../../src/shared/contract';

interface ChildArgs {
  dataDir: string;
  request: ChannelInput<'objects:bulkStart'>;
  concurrency: number;
}

const args = JSON.parse(process.env.BULK_CHILD_ARGS ?? '{}') as ChildArgs;
const h = startCore({ dataDir: args.dataDir, bulk: { concurrency: args.concurrency } });
const started = await h.value('objects:bulkStart', args.request);
process.stdout.write(`${JSON.stringify(started)}\n`);
// Stay alive: the test kills this process mid-job.
setInterval(() => undefined, 60_000);
