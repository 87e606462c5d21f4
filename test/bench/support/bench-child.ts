// The life of every bench child process: `--warm` only loads the bundle so V8's compile cache
// holds it (upload-app-engine.ts warms each new bundle once); otherwise args come as JSON in
// argv[2], the report goes to stdout as one JSON line, a failure to stderr with exit 1.
import { flushCompileCache } from 'node:module';

export function runBenchChild<A, R>(name: string, main: (args: A) => Promise<R>): void {
  if (process.argv[2] === '--warm') {
    flushCompileCache();
    process.exit(0);
  }
  main(JSON.parse(process.argv[2] ?? '{}') as A).then(
    (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
