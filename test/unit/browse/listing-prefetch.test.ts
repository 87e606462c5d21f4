import { describe, expect, it } from 'vitest';
import type { ResolvedConnection } from '../../../src/main/core/connections/connections-service';
import type { ListRequest } from '../../../src/main/core/browse/folder-lister';
import { ListingPrefetcher } from '../../../src/main/core/browse/listing-prefetch';
import type { ListPage } from '../../../src/shared/model/bucket';

const connection = { record: { id: 'conn-1', updatedAt: 't0' } } as unknown as ResolvedConnection;

/** A folder of `pages` pages whose fetches are recorded and can be made to fail. */
function fakeFolder(pages: number) {
  const calls: string[] = [];
  let failNext = false;
  const fetch = (_c: ResolvedConnection, req: ListRequest): Promise<ListPage> => {
    const n = Number(req.continuationToken ?? '0');
    calls.push(String(n));
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('network blip'));
    }
    return Promise.resolve({
      prefix: req.prefix,
      entries: [{ kind: 'folder', key: `p/${n}/`, name: `${n}/` }],
      ...(n + 1 < pages ? { continuationToken: String(n + 1) } : {}),
    });
  };
  return { calls, fetch, failOnce: () => (failNext = true) };
}

const req = (token?: string): ListRequest => ({ bucket: 'b', prefix: 'p/', ...(token ? { continuationToken: token } : {}) });

describe('listing prefetch', () => {
  it('asks S3 for the next page as soon as a page is answered, once per page', async () => {
    const folder = fakeFolder(3);
    const prefetcher = new ListingPrefetcher(folder.fetch);
    const first = await prefetcher.list(connection, req());
    expect(folder.calls).toEqual(['0', '1']);
    const second = await prefetcher.list(connection, req(first.continuationToken));
    expect(second.entries[0]?.key).toBe('p/1/');
    expect(folder.calls).toEqual(['0', '1', '2']);
    const third = await prefetcher.list(connection, req(second.continuationToken));
    expect(third.continuationToken).toBeUndefined();
    expect(folder.calls).toEqual(['0', '1', '2']);
    expect(prefetcher.size).toBe(0);
  });

  it('retries on demand when the prefetch failed, so the caller sees the real answer', async () => {
    const folder = fakeFolder(3);
    const prefetcher = new ListingPrefetcher(folder.fetch);
    folder.failOnce();
    await expect(prefetcher.list(connection, req())).rejects.toThrow('network blip');
    await prefetcher.list(connection, req()); // page 0 ok; page 1 prefetched
    folder.failOnce();
    const next = await prefetcher.list(connection, req('1')); // served from the prefetch; page 2 prefetch fails
    expect(next.entries[0]?.key).toBe('p/1/');
    const last = await prefetcher.list(connection, req('2'));
    expect(last.entries[0]?.key).toBe('p/2/');
    expect(folder.calls.filter((c) => c === '2')).toHaveLength(2);
  });

  it('does not serve pages older than its time to live, and keeps a bounded number', async () => {
    let now = 0;
    const folder = fakeFolder(100);
    const prefetcher = new ListingPrefetcher(folder.fetch, 1000, 4, () => now);
    await prefetcher.list(connection, req());
    now = 5000;
    await prefetcher.list(connection, req('1'));
    expect(folder.calls.filter((c) => c === '1')).toHaveLength(2);
    for (let i = 10; i < 20; i += 1) await prefetcher.list(connection, { ...req(String(i)), prefix: `p${i}/` });
    expect(prefetcher.size).toBeLessThanOrEqual(4);
  });
});
