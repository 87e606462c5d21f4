import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { queryKeys } from './query-keys';

/** The host's `app:info`, asked once per page (it does not change while the page lives). */
export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call(api.app.info({})), staleTime: Infinity });
}
