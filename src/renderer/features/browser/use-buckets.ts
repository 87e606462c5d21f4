import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** The buckets a connection can use (its one configured bucket, or all it may list). */
export function useBuckets(connectionId: string) {
  return useQuery({
    queryKey: queryKeys.buckets(connectionId),
    queryFn: () => call(api.buckets.list({ connectionId })),
  });
}
