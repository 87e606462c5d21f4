import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { browseKeys, queryKeys } from '../../api/query-keys';
import type { AclSpec, HeaderPatch } from '../../../shared/model/object-edit';

/** Query keys of the object editors, under the connection's prefix like every other. */
export const editorKeys = {
  editor: (connectionId: string, bucket: string, key: string) => [...queryKeys.connection(connectionId), 'editor', bucket, key] as const,
  publicAccess: (connectionId: string, bucket: string, key: string) =>
    [...queryKeys.connection(connectionId), 'publicAccess', bucket, key] as const,
};

export interface ObjectRefProps {
  connectionId: string;
  bucket: string;
  objectKey: string;
}

/** What the header and ACL editors start from (headers, ETag, ACL or why it is read-only). */
export function useEditorState({ connectionId, bucket, objectKey }: ObjectRefProps) {
  return useQuery({
    queryKey: editorKeys.editor(connectionId, bucket, objectKey),
    queryFn: () => call(api.objects.editor({ connectionId, bucket, key: objectKey })),
    staleTime: 5_000,
  });
}

/** The anonymous HEAD's answer: asked when shown and again after every save. */
export function usePublicAccess({ connectionId, bucket, objectKey }: ObjectRefProps) {
  return useQuery({
    queryKey: editorKeys.publicAccess(connectionId, bucket, objectKey),
    queryFn: () => call(api.objects.publicAccess({ connectionId, bucket, key: objectKey })),
    staleTime: 5_000,
  });
}

/** After a save, everything shown about the object is read again. */
function useRefreshObject({ connectionId, bucket, objectKey }: ObjectRefProps) {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: browseKeys.details(connectionId, bucket, objectKey) }),
      queries.invalidateQueries({ queryKey: editorKeys.editor(connectionId, bucket, objectKey) }),
      queries.invalidateQueries({ queryKey: editorKeys.publicAccess(connectionId, bucket, objectKey) }),
    ]);
}

/** Saves a header patch pinned to the ETag the editor read. */
export function useSaveHeaders(ref: ObjectRefProps) {
  const refresh = useRefreshObject(ref);
  return useMutation({
    mutationFn: ({ ifMatch, patch }: { ifMatch: string; patch: HeaderPatch }) =>
      call(api.objects.saveHeaders({ connectionId: ref.connectionId, bucket: ref.bucket, key: ref.objectKey, ifMatch, patch })),
    onSuccess: refresh,
  });
}

/** Writes the object's ACL. */
export function useSetAcl(ref: ObjectRefProps) {
  const refresh = useRefreshObject(ref);
  return useMutation({
    mutationFn: (acl: AclSpec) => call(api.objects.setAcl({ connectionId: ref.connectionId, bucket: ref.bucket, key: ref.objectKey, acl })),
    onSuccess: refresh,
  });
}
