// Child process for the crash test: starts a real core on a given data folder, uploads one file
// through the engine and prints each progress event as a JSON line, until it is killed.
import { startTransferCore } from './transfer-harness';
import type { GatewayHandle } from '../../../support/s3-test-env';
import type { TransferEngine } from '../../../../src/shared/model/connection';

interface ChildArgs {
  gw: GatewayHandle;
  endpoint: string;
  dataDir: string;
  bucket: string;
  prefix: string;
  file: string;
  transferEngine?: TransferEngine;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.env.UPLOAD_CHILD_ARGS ?? '{}') as ChildArgs;
  const h = await startTransferCore({
    gw: args.gw,
    endpoint: args.endpoint,
    dataDir: args.dataDir,
    ...(args.transferEngine ? { transferEngine: args.transferEngine } : {}),
  });
  h.core.onEvent((event, payload) => {
    if (event === 'transfers:progress') process.stdout.write(`${JSON.stringify(payload)}\n`);
  });
  h.drop(args.file);
  const plan = await h.value('transfers:planUpload', {
    connectionId: h.connectionId,
    bucket: args.bucket,
    prefix: args.prefix,
    paths: [args.file],
  });
  const started = await h.value('transfers:startUpload', { planId: plan.planId, conflict: 'overwrite' });
  process.stdout.write(`${JSON.stringify({ started: started.batchId, connectionId: h.connectionId })}\n`);
  // Stay alive: the test kills this process mid-upload.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`upload-child failed: ${String(error)}\n`);
  process.exit(1);
});
