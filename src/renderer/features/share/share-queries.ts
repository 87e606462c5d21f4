import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { PreviewInput } from './link-form';

/** Share state lives under the connection's key, so editing or removing a connection drops it too. */
export const shareKeys = {
  all: (connectionId: string) => [...queryKeys.connection(connectionId), 'share'] as const,
  defaults: (connectionId: string) => [...queryKeys.connection(connectionId), 'share', 'defaults'] as const,
  preview: (input: PreviewInput) => [...queryKeys.connection(input.connectionId), 'share', 'preview', input] as const,
  /** The ledger spans connections ("all"), so it has its own root. */
  ledgerRoot: ['share-ledger'] as const,
};

/** Presets, last-used expiry, caps and the revocation text for one connection's share dialogs. */
export function useShareDefaults(connectionId: string) {
  return useQuery({
    queryKey: shareKeys.defaults(connectionId),
    queryFn: () => call(api.share.defaults({ connectionId })),
    // The last-used expiry and the credentials' time left change between dialogs.
    staleTime: 0,
  });
}

/**
 * What the link would be, asked again whenever the (already debounced) options change. Each
 * answer costs main a HEAD request; the previous answer stays on screen while the next loads.
 */
export function useSharePreview(input: PreviewInput | null) {
  return useQuery({
    queryKey: input ? shareKeys.preview(input) : ['share-preview-idle'],
    queryFn: () => (input ? call(api.share.preview(input)) : Promise.reject(new Error('no input'))),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 60_000,
  });
}

/** After a link is issued: the ledger has a new row and the last-used expiry may have changed. */
export function invalidateAfterIssue(client: QueryClient, connectionId: string): void {
  void client.invalidateQueries({ queryKey: shareKeys.defaults(connectionId) });
  void client.invalidateQueries({ queryKey: shareKeys.ledgerRoot });
}

/** `invalidateAfterIssue` bound to the app's query client. */
export function useAfterIssue(): (connectionId: string) => void {
  const client = useQueryClient();
  return useCallback((connectionId: string) => invalidateAfterIssue(client, connectionId), [client]);
}
