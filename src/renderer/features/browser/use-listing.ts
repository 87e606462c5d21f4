import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ListPage } from '../../../shared/model/bucket';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export interface FolderRef {
  connectionId: string;
  bucket: string;
  prefix: string;
}

/**
 * A folder's listing, page by page. It follows continuation tokens on its own, so rows keep
 * appending until the folder is complete; a failed page stops the chase until Retry.
 */
export function useListing({ connectionId, bucket, prefix }: FolderRef) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.listing(connectionId, bucket, prefix),
    queryFn: ({ pageParam }) =>
      call(
        api.browse.list({
          connectionId,
          bucket,
          prefix,
          ...(pageParam ? { continuationToken: pageParam } : {}),
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ListPage) => last.continuationToken || undefined,
  });

  const { hasNextPage, isFetching, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [hasNextPage, isFetching, isError, fetchNextPage]);

  /** Retry resumes where a page failed, instead of reloading pages that already arrived. */
  const retry = () => {
    if (query.isFetchNextPageError) void query.fetchNextPage();
    else void query.refetch();
  };

  return { ...query, retry };
}
