// Child process for the sync crash test: starts a real core on a given data folder with a
// connection through the given endpoint (the fault proxy), starts `index:sync` of one bucket and
// prints the connection id, then each `index:progress` event, as JSON lines, until it is killed.
import { startCore } from '../../../support/core-harness';
import type { GatewayHandle } from '../../../support/s3-test-env';

interface ChildArgs {
  gw: GatewayHandle;
  endpoint: string;
  dataDir: string;
  bucket: string;
  parallel: boolean;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.env.SYNC_CHILD_ARGS ?? '{}') as ChildArgs;
  const h = startCore({ dataDir: args.dataDir });
  h.core.onEvent((event, payload) => {
    if (event === 'index:progress') process.stdout.write(`${JSON.stringify(payload)}\n`);
  });
  const connection = await h.value('connections:add', {
    name: 'Through the proxy',
    credentials: { kind: 'keys', accessKeyId: args.gw.accessKeyId, secretAccessKey: args.gw.secretAccessKey },
    endpoint: args.endpoint,
    forcePathStyle: true,
    checksumCompatibility: true,
  });
  const started = await h.value('index:sync', { connectionId: connection.id, bucket: args.bucket, parallel: args.parallel });
  process.stdout.write(`${JSON.stringify({ connectionId: connection.id, jobId: started.jobId })}\n`);
  // Stay alive: the test kills this process mid-sync.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`sync-child failed: ${String(error)}\n`);
  process.exit(1);
});
