import type { S3Client } from '@aws-sdk/client-s3';

/**
 * The server's clock as its answers tell it (the HTTP Date header): times S3 reports, such as when
 * a multipart upload was initiated, are compared with ours through it. Date has whole seconds,
 * so the offset is good to about a second plus a request's latency.
 */
export class ServerClock {
  private offset: number | undefined;

  /** Server time minus ours (ms), once any answer carried a Date; undefined before. */
  get offsetMs(): number | undefined {
    return this.offset;
  }

  /** Takes a Date header seen at our time `at` (ms). */
  observe(date: string | undefined, at = Date.now()): void {
    if (!date) return;
    const server = Date.parse(date);
    // Date is truncated to the second: the middle of that second is the best guess.
    if (Number.isFinite(server)) this.offset = server + 500 - at;
  }
}

/** Feeds every answer `client` receives (errors included, where the SDK kept the response) to `clock`. */
export function watchServerClock(client: S3Client, clock: ServerClock): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const out = await next(args);
        clock.observe(dateOf(out.response));
        return out;
      } catch (error) {
        clock.observe(dateOf((error as { $response?: unknown } | undefined)?.$response));
        throw error;
      }
    },
    { step: 'deserialize', name: 'bucketAdminServerClock', priority: 'low' },
  );
}

function dateOf(response: unknown): string | undefined {
  const headers = (response as { headers?: Record<string, string | undefined> } | undefined)?.headers;
  return headers?.date;
}
