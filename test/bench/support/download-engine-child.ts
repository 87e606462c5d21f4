// Runs inside its own Node process for `npm run bench:download`: the app's engine downloads one
// prefix of the bucket into a folder exactly as the UI would (choose the folder, plan, start,
// wait for the batch), and prints one JSON line (transfer-child.ts).
import { scriptedDialogs } from '../../integration/transfers/support/scripted-dialogs';
import { runTransferChild, type TransferChildArgs, type TransferChildReport } from './transfer-child';

export interface DownloadChildArgs extends TransferChildArgs {
  /** Every object under it is downloaded into `destination`. */
  prefix: string;
  destination: string;
}

export type DownloadChildReport = TransferChildReport;

runTransferChild<DownloadChildArgs>('download engine child', (args) => ({
  dialogs: scriptedDialogs({ downloadFolder: args.destination }),
  // The user picks the folder: main writes only where it was told to.
  prepare: async ({ value }) => {
    await value('dialogs:chooseDownloadFolder', {});
  },
  plan: ({ value }, connectionId) =>
    value('transfers:planDownload', {
      connectionId,
      bucket: args.bucket,
      keys: [],
      prefixes: [args.prefix],
      destination: args.destination,
    }),
  start: ({ value }, planId) => value('transfers:startDownload', { planId, conflict: 'overwrite' }),
}));
