import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ReportId, ReportParams, SearchQueryInput } from '../../../shared/model/audit';
import { api, call } from '../../api/client';

/** Rows each page of a search or report asks for; the table asks for more as it scrolls near the end. */
export const auditPageRows = 500;

export const auditKeys = {
  root: ['audit'] as const,
  status: (connectionId: string, bucket: string | null) => ['audit', 'status', connectionId, bucket] as const,
};

/** Online or offline (asked every few seconds), and the buckets the index holds. */
export function useAuditStatus(connectionId: string, bucket: string | null) {
  return useQuery({
    queryKey: auditKeys.status(connectionId, bucket),
    queryFn: () => call(api.audit.status({ connectionId, ...(bucket ? { bucket } : {}) })),
    refetchInterval: 5_000,
    placeholderData: keepPreviousData,
  });
}

/** A search, a page at a time. */
export function useAuditSearch(connectionId: string, bucket: string, query: SearchQueryInput) {
  return useInfiniteQuery({
    queryKey: [...auditKeys.root, 'search', connectionId, bucket, query],
    queryFn: ({ pageParam }) => call(api.audit.search({ connectionId, bucket, query, offset: pageParam, limit: auditPageRows })),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.rows.length < last.total ? last.offset + last.rows.length : undefined),
    placeholderData: keepPreviousData,
  });
}

/** A report, a page at a time. */
export function useAuditReport(connectionId: string, bucket: string, report: ReportId, params: Partial<ReportParams>, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...auditKeys.root, 'report', connectionId, bucket, report, params],
    queryFn: ({ pageParam }) => call(api.audit.report({ connectionId, bucket, report, params, offset: pageParam, limit: auditPageRows })),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.rows.length < last.total ? last.offset + last.rows.length : undefined),
    enabled,
    retry: false,
  });
}

/** A folder of the last snapshot. */
export function useSnapshotFolder(connectionId: string, bucket: string, prefix: string) {
  return useQuery({
    queryKey: [...auditKeys.root, 'folder', connectionId, bucket, prefix],
    queryFn: () => call(api.audit.folder({ connectionId, bucket, prefix, limit: 5_000 })),
  });
}
