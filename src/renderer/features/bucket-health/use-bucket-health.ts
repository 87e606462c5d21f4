import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BucketHealth, FixKind, FixSpec } from '../../../shared/model/bucket-health';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** The health panel's query key: under the connection, so editing or removing it drops this too. */
export const healthKey = (connectionId: string, bucket: string) => [...queryKeys.connection(connectionId), 'health', bucket] as const;

/** The bucket's kept capability report and its answer (probed by main the first time). */
export function useBucketHealth(connectionId: string, bucket: string, enabled: boolean) {
  return useQuery({
    queryKey: healthKey(connectionId, bucket),
    queryFn: () => call(api.buckets.health({ connectionId, bucket })),
    enabled,
  });
}

/** Probes again, applies a previewed fix, or undoes one; each answers with the fresh health. */
export function useHealthActions(connectionId: string, bucket: string) {
  const client = useQueryClient();
  const store = (health: BucketHealth) => client.setQueryData(healthKey(connectionId, bucket), health);
  const refresh = useMutation({
    mutationFn: () => call(api.buckets.health({ connectionId, bucket, refresh: true })),
    onSuccess: store,
  });
  const preview = useMutation({
    mutationFn: (fix: FixSpec) => call(api.buckets.previewFix({ connectionId, bucket, fix })),
  });
  const apply = useMutation({
    mutationFn: ({ fix, expected }: { fix: FixSpec; expected: string }) =>
      call(api.buckets.applyFix({ connectionId, bucket, fix, expected })),
    onSuccess: store,
  });
  const undo = useMutation({
    mutationFn: (kind: FixKind) => call(api.buckets.undoFix({ connectionId, bucket, kind })),
    onSuccess: store,
  });
  return { refresh, preview, apply, undo };
}
