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
  listing: (connectionId: string, bucket: string, prefix: string) =>
    ['connection', connectionId, 'listing', bucket, prefix] as const,
};
