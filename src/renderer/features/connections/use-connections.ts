import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Connection, ConnectionDraft, ConnectionTestReport } from '../../../shared/model/connection';
import { api, call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Saved connections, as main lists them (secrets never included). */
export function useConnections() {
  return useQuery({ queryKey: queryKeys.connections, queryFn: () => call(api.connections.list({})) });
}

/** Profile names from the shared AWS config files; fetched only while the profile picker shows. */
export function useProfiles(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.profiles, queryFn: () => call(api.connections.profiles({})), enabled });
}

export function useRemoveConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.connections.remove({ id })),
    onSuccess: async (_result, id) => {
      client.removeQueries({ queryKey: queryKeys.connection(id) });
      await client.invalidateQueries({ queryKey: queryKeys.connections });
    },
  });
}

export interface DraftActions {
  save(draft: ConnectionDraft, id?: string): Promise<Connection>;
  test(draft: ConnectionDraft, id?: string): Promise<ConnectionTestReport>;
}

/**
 * Save and test take a draft that may hold a secret. They are plain calls, not useMutation,
 * because the mutation cache would keep the draft (and the secret) as `variables` after the form closes.
 */
export function useDraftActions(): DraftActions {
  const client = useQueryClient();
  return useMemo(
    () => ({
      async save(draft, id) {
        const saved = await call(id ? api.connections.update({ id, draft }) : api.connections.add(draft));
        // Settings or credentials may have changed: everything fetched through it is suspect.
        if (id) await client.invalidateQueries({ queryKey: queryKeys.connection(id) });
        await client.invalidateQueries({ queryKey: queryKeys.connections });
        return saved;
      },
      test(draft, id) {
        return call(api.connections.test(id ? { draft, id } : { draft }));
      },
    }),
    [client],
  );
}
