import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { browseKeys } from '../../api/query-keys';

/** One object's HeadObject + ACL, fetched only when the inspector shows it (never per listed row). */
export function useDetails(connectionId: string, bucket: string, key: string, enabled = true) {
  return useQuery({
    queryKey: browseKeys.details(connectionId, bucket, key),
    queryFn: () => call(api.browse.details({ connectionId, bucket, key })),
    staleTime: 15_000,
    enabled,
  });
}
