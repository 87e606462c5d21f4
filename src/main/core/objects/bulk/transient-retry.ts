import { isAppError } from '../../../../shared/errors';
import { withRetry } from '../../transfers/client/retry';
import { isRetryable } from '../../transfers/client/retry-policy';

/** A few tries over about ten seconds: a bulk job goes on with other objects meanwhile, and lists what still failed. */
const bulkRetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

/** The codes an edit's errors carry once in the user's words, that another try may fix. */
const transientCodes = new Set(['ServerError', 'EndpointUnreachable', 'Offline']);

/** Marks an error worth another try for `withRetry`, which reads S3's and the network's errors, not ours. */
class Transient extends Error {
  override readonly name = 'ServiceUnavailable';
  constructor(readonly original: unknown) {
    super('transient');
  }
}

/** Runs `attempt` with the transfer engine's retry loop, retrying what a server hiccup or dropped socket explains. */
export async function retryTransient<T>(attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
  try {
    return await withRetry(
      async () => {
        try {
          return await attempt();
        } catch (error) {
          throw (isAppError(error) && transientCodes.has(error.code)) || isRetryable(error) ? new Transient(error) : error;
        }
      },
      { policy: bulkRetryPolicy, signal },
    );
  } catch (error) {
    throw error instanceof Transient ? error.original : error;
  }
}
