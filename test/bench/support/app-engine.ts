// Child process of the list bench: lists the bench folder with the app's own engine, exactly as
// the UI does (page after page of `browse:list` through the core's router), and prints JSON.
// A child, so its peak RSS is comparable with the peer tools' processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFileSecretStore } from '../../../src/main/browser-host/key-file-secret-store';
import { createAppCore } from '../../../src/main/core/app-core';
import { silentLogger } from '../../../src/main/core/logger';
import type { Connection } from '../../../src/shared/model/connection';
import type { ListPage } from '../../../src/shared/model/bucket';
import type { Result } from '../../../src/shared/result';

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

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function main(args: Args): Promise<EngineReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bucket-admin-bench-'));
  const core = createAppCore({ dataDir, secretStore: new KeyFileSecretStore(join(dataDir, 'k.key')), host: 'browser', version: 'bench', logger: silentLogger });
  try {
    const connection = unwrap<Connection>(
      await core.router.handle('connections:add', {
        name: 'bench',
        credentials: { kind: 'keys', accessKeyId: args.accessKeyId, secretAccessKey: args.secretAccessKey },
        endpoint: args.endpoint,
        forcePathStyle: true,
        checksumCompatibility: true,
      }),
    );
    const list = async (continuationToken?: string, pageSize?: number) =>
      unwrap<ListPage>(
        await core.router.handle('browse:list', {
          connectionId: connection.id,
          bucket: args.bucket,
          prefix: args.prefix,
          ...(continuationToken ? { continuationToken } : {}),
          ...(pageSize ? { pageSize } : {}),
        }),
      );
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
    rmSync(dataDir, { recursive: true, force: true });
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
