import { useQuery } from '@tanstack/react-query';
import { fetchHead } from './fetch-range';
import { decodeTextPreview } from './text-preview';

/** The first `maxBytes` of an object as text, through the app's object route. */
export function useTextPreview(url: string, size: number, maxBytes: number) {
  return useQuery({
    queryKey: ['preview-text', url, maxBytes],
    queryFn: async ({ signal }) => decodeTextPreview(await fetchHead(url, maxBytes, signal), size),
    staleTime: 30_000,
    gcTime: 60_000,
  });
}
