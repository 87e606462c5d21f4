// npx tsx src/main/local-gateway/cli.ts start|stop|status
//   start   start a gateway (or reuse the healthy one in the state file); prints the handle
//   stop    stop it and delete its data dir and the state file
//   status  print the handle, store health and any problem; exit 1 if not healthy
// State file: $RGW_STATE_FILE or <repo>/.rgw/state.json. The daemons are
// detached, so they keep running after `start` returns.
import { checkStoreHealth, gatewayProblem, stopGateway } from './ceph-gateway';
import { acquireGateway, readState, removeState, stateFilePath } from './state';

const log = (msg: string): void => console.error(`[rgw] ${msg}`);

async function main(cmd: string | undefined): Promise<number> {
  const file = stateFilePath();
  switch (cmd) {
    case 'start': {
      const { handle, started } = await acquireGateway(file, log);
      if (!started) log(`reusing healthy gateway at ${handle.endpoint}`);
      log(`state: ${file}`);
      console.log(JSON.stringify(handle, null, 2));
      return 0;
    }
    case 'stop': {
      const handle = readState(file);
      if (!handle) {
        log(`nothing to stop (no ${file})`);
        return 0;
      }
      const t0 = performance.now();
      await stopGateway(handle);
      removeState(file);
      log(`stopped ${handle.endpoint} in ${Math.round(performance.now() - t0)} ms`);
      return 0;
    }
    case 'status': {
      const handle = readState(file);
      if (!handle) {
        console.log(JSON.stringify({ running: false, stateFile: file }, null, 2));
        return 1;
      }
      const problem = await gatewayProblem(handle);
      const store = await checkStoreHealth(handle);
      console.log(JSON.stringify({ running: true, healthy: !problem, problem, store, stateFile: file, handle }, null, 2));
      return problem ? 1 : 0;
    }
    default:
      console.error('usage: npx tsx src/main/local-gateway/cli.ts start|stop|status');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
