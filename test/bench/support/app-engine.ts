// Child process of the list bench: lists the bench folder with the app's own engine, exactly as
// the UI does (page after page of `browse:list` through the core's router), and prints JSON.
// A child, so its peak RSS is comparable with the peer tools' processes.
import { startCore } from '../../support/core-harness';

/** One timed listing of the whole folder. */
export interface EngineRun {
  ms: number;
  /** From the first request until 1,000 rows were in hand. */
  firstThousandMs: number;
  rows: number;
  pages: number;
}

export interface EngineReport {
  runs: EngineRun[];
  maxRssKb: number;
  /** RSS with the core up and the connection warm, before listing: the process's own floor. */
  baselineRssKb: number;
}

interface Args {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  prefix: string;
  runs: number;
}

async function main(args: Args): Promise<EngineReport> {
  const core = startCore({ version: 'bench' });
  try {
    const connection = await core.value('connections:add', {
      name: 'bench',
      credentials: { kind: 'keys', accessKeyId: args.accessKeyId, secretAccessKey: args.secretAccessKey },
      endpoint: args.endpoint,
      forcePathStyle: true,
      checksumCompatibility: true,
    });
    const list = (continuationToken?: string, pageSize?: number) =>
      core.value('browse:list', {
        connectionId: connection.id,
        bucket: args.bucket,
        prefix: args.prefix,
        ...(continuationToken ? { continuationToken } : {}),
        ...(pageSize ? { pageSize } : {}),
      });
    // The app is running when a user opens a folder: modules loaded, the connection warm.
    await list(undefined, 1);
    const baselineRssKb = Math.round(process.memoryUsage().rss / 1024);
    const runs: EngineRun[] = [];
    for (let r = 0; r < args.runs; r += 1) {
      const started = performance.now();
      let rows = 0;
      let pages = 0;
      let firstThousandMs = Number.NaN;
      let token: string | undefined;
      do {
        const page = await list(token);
        rows += page.entries.length;
        pages += 1;
        if (Number.isNaN(firstThousandMs) && rows >= 1000) firstThousandMs = performance.now() - started;
        token = page.continuationToken;
      } while (token);
      runs.push({ ms: performance.now() - started, firstThousandMs, rows, pages });
    }
    return { runs, maxRssKb: process.resourceUsage().maxRSS, baselineRssKb };
  } finally {
    core.close();
  }
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
main(args).then(
  (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
