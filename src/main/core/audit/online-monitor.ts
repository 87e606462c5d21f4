import { HeadBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import type { ResolvedConnection } from '../connections/connections-service';
import { toAppError } from '../s3/s3-errors';

/** How long one answer stands: the audit view asks every few seconds, S3 is asked at most this often. */
const freshForMs = 5_000;
/** A server that has not answered in this long is offline for the audit's purpose. */
const probeTimeoutMs = 3_000;

/** Whether a connection's server answers, and since when it has not. */
export interface Reachability {
  online: boolean;
  offlineSince: string | null;
  offlineReason: string | null;
  checkedAt: string;
}

interface Entry {
  state: Reachability;
  at: number;
  pending: Promise<Reachability> | null;
}

/**
 * Tells whether each connection's server can be reached, by a cheap request (HeadBucket, or
 * ListBuckets without a bucket) with a short timeout. Only "could not reach it" counts as offline:
 * a server that answers with an error (access denied, no such bucket) is online. Remembers since
 * when a server has been unreachable in this run of the app, which the offline banner shows.
 */
export class OnlineMonitor {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The current answer for a connection, asking the server when the last answer is older than a few seconds. */
  check(connection: ResolvedConnection, bucket?: string): Promise<Reachability> {
    const id = connection.record.id;
    const entry = this.entries.get(id);
    if (entry?.pending) return entry.pending;
    if (entry && Date.now() - entry.at < freshForMs) return Promise.resolve(entry.state);
    const pending = this.probe(connection, bucket).then((state) => {
      this.entries.set(id, { state, at: Date.now(), pending: null });
      return state;
    });
    this.entries.set(id, { state: entry?.state ?? initial(this.now()), at: entry?.at ?? 0, pending });
    return pending;
  }

  private async probe(connection: ResolvedConnection, bucket?: string): Promise<Reachability> {
    const checkedAt = this.now().toISOString();
    const previous = this.entries.get(connection.record.id)?.state;
    try {
      const abortSignal = AbortSignal.timeout(probeTimeoutMs);
      if (bucket) await connection.client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal });
      else await connection.client.send(new ListBucketsCommand({}), { abortSignal });
      return { online: true, offlineSince: null, offlineReason: null, checkedAt };
    } catch (error) {
      const aborted = (error as { name?: string }).name === 'AbortError';
      const appError = aborted ? null : toAppError(error, { endpoint: connection.record.endpoint ?? 'AWS', ...(bucket ? { bucket } : {}) });
      if (!aborted && appError?.code !== 'EndpointUnreachable' && appError?.code !== 'Offline') {
        return { online: true, offlineSince: null, offlineReason: null, checkedAt };
      }
      return {
        online: false,
        offlineSince: previous?.offlineSince ?? checkedAt,
        offlineReason: appError?.message ?? `The server did not answer within ${probeTimeoutMs / 1000} seconds.`,
        checkedAt,
      };
    }
  }
}

function initial(now: Date): Reachability {
  return { online: true, offlineSince: null, offlineReason: null, checkedAt: now.toISOString() };
}
