// `bench:headers --count-requests`: one more run of the app's bulk edit, untimed, through the fault
// proxy (which passes everything), counting what it sent by operation. Requests per object are
// what bounds the app's rate on a gateway that is itself short of CPU, so a change to the copy
// engine should show here before it shows in the timings.
import { objectOperationOf, startFaultProxy } from '../../support/fault-proxy';
import { round } from './stats';

export interface RequestCount {
  perObject: number;
  byOperation: Record<string, number>;
}

/** Runs `run` against a proxy in front of `upstream` and counts its requests, by operation and per object. */
export async function countRequests(upstream: string, objects: number, run: (endpoint: string) => Promise<unknown>): Promise<RequestCount> {
  const proxy = await startFaultProxy(upstream);
  try {
    await run(proxy.endpoint);
    const byOperation: Record<string, number> = {};
    for (const request of proxy.requests) {
      const operation = objectOperationOf(request);
      byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    }
    return { perObject: round(proxy.requests.length / objects, 2), byOperation };
  } finally {
    await proxy.close();
  }
}

/** `5 per object (HeadObject 2000, GetObjectAcl 2000, …)`. */
export function describeCount(count: RequestCount): string {
  const each = Object.entries(count.byOperation)
    .sort(([, a], [, b]) => b - a)
    .map(([operation, n]) => `${operation} ${n}`);
  return `${count.perObject} per object (${each.join(', ')})`;
}
