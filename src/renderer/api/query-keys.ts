/**
 * React Query keys. Everything fetched through a connection sits under ['connection', id], so an
 * edit or removal can invalidate or drop all of it with one prefix.
 */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  connections: ['connections'] as const,
  profiles: ['profiles'] as const,
  connection: (connectionId: string) => ['connection', connectionId] as const,
  buckets: (connectionId: string) => ['connection', connectionId, 'buckets'] as const,
  listing: (connectionId: string, bucket: string, prefix: string) => ['connection', connectionId, 'listing', bucket, prefix] as const,
};

/**
 * Query keys of the browse view beyond `queryKeys.listing`, shared by the features that read or
 * change a bucket's listings and details. All sit under the connection's prefix, so editing or
 * removing a connection drops them with everything else.
 */
export const browseKeys = {
  /** Every listing and detail of one bucket: what a folder action invalidates afterwards. */
  bucket: (connectionId: string, bucket: string) => [...queryKeys.connection(connectionId), 'listing', bucket] as const,
  details: (connectionId: string, bucket: string, key: string) => [...queryKeys.connection(connectionId), 'details', bucket, key] as const,
  allDetails: (connectionId: string, bucket: string) => [...queryKeys.connection(connectionId), 'details', bucket] as const,
};
