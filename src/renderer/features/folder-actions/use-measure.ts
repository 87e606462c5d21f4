import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/**
 * What a selection amounts to (folders expanded), for a confirmation that names what will go.
 * Never cached past the dialog: the answer must describe the bucket as it is now.
 */
export function useMeasure(connectionId: string, bucket: string, keys: readonly string[]) {
  return useQuery({
    queryKey: [...queryKeys.connection(connectionId), 'measure', bucket, keys],
    queryFn: () => call(api.browse.measure({ connectionId, bucket, keys: [...keys] })),
    gcTime: 0,
    staleTime: 0,
  });
}
