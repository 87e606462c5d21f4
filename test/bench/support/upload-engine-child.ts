// Runs inside its own Node process for `npm run bench:upload`: the app's engine uploads the given
// paths to the gateway exactly as the UI would (dropped, planned, started, waited for), and prints
// one JSON line (transfer-child.ts).
import { runTransferChild, type TransferChildArgs, type TransferChildReport } from './transfer-child';

export interface EngineChildArgs extends TransferChildArgs {
  prefix: string;
  paths: string[];
}

export type EngineChildReport = TransferChildReport;

runTransferChild<EngineChildArgs>('upload engine child', (args) => ({
  plan: ({ core, value }, connectionId) => {
    // As if the user dropped them onto the window: main reads only what was picked or dropped.
    for (const p of args.paths) core.localFiles.grantDropped(p);
    return value('transfers:planUpload', { connectionId, bucket: args.bucket, prefix: args.prefix, paths: args.paths });
  },
  start: ({ value }, planId) => value('transfers:startUpload', { planId, conflict: 'overwrite' }),
}));
