import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for all server state. No automatic retries: the errors main sends (wrong secret,
 * access denied, offline) do not fix themselves, and each error state has a Retry button.
 * No refetch on focus: re-listing a 100k-object folder because the window was focused is waste.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
