import { queryKeys } from '../../api/query-keys';

/**
 * Query keys of the browse view beyond `queryKeys.listing`. All sit under the connection's
 * prefix, so editing or removing a connection drops them with everything else.
 */
export const browseKeys = {
  /** Every listing and detail of one bucket: what a folder action invalidates afterwards. */
  bucket: (connectionId: string, bucket: string) => [...queryKeys.connection(connectionId), 'listing', bucket] as const,
  details: (connectionId: string, bucket: string, key: string) =>
    [...queryKeys.connection(connectionId), 'details', bucket, key] as const,
  allDetails: (connectionId: string, bucket: string) => [...queryKeys.connection(connectionId), 'details', bucket] as const,
};
