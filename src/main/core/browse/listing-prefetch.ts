import type { ListPage } from '../../../shared/model/bucket';
import type { ResolvedConnection } from '../connections/connections-service';
import type { ListRequest } from './folder-lister';

type Fetch = (connection: ResolvedConnection, req: ListRequest) => Promise<ListPage>;

interface Pending {
  page: Promise<ListPage>;
  expires: number;
}

/**
 * Keeps the S3 listing one page ahead of the renderer. A folder is listed page after page, each
 * request needing the token of the one before, so the pages cannot overlap; but the time the
 * renderer takes to receive and draw a page, and to ask for the next, can. When a page with a
 * continuation token is answered, the next page is requested at once; the renderer's request
 * for that token then finds it in flight or done. A prefetch that failed is simply retried on
 * demand, so the user sees the real error of the real request.
 */
export class ListingPrefetcher {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly fetch: Fetch,
    private readonly ttlMs = 15_000,
    private readonly maxPending = 16,
    private readonly now: () => number = Date.now,
  ) {}

  async list(connection: ResolvedConnection, req: ListRequest): Promise<ListPage> {
    const ahead = req.continuationToken ? this.take(cacheKey(connection, req)) : undefined;
    const page = ahead ? await ahead.catch(() => this.fetch(connection, req)) : await this.fetch(connection, req);
    if (page.continuationToken) this.prefetch(connection, { ...req, continuationToken: page.continuationToken });
    return page;
  }

  /** Pages fetched ahead and not asked for yet (for tests). */
  get size(): number {
    return this.pending.size;
  }

  private prefetch(connection: ResolvedConnection, req: ListRequest): void {
    const page = this.fetch(connection, req);
    page.catch(() => undefined); // not a failure until someone asks for this page
    this.evict();
    this.pending.set(cacheKey(connection, req), { page, expires: this.now() + this.ttlMs });
  }

  private take(key: string): Promise<ListPage> | undefined {
    const hit = this.pending.get(key);
    this.pending.delete(key);
    return hit && hit.expires > this.now() ? hit.page : undefined;
  }

  /** Drops stale entries (folders left mid-listing), then the oldest beyond the limit. */
  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.pending) if (entry.expires <= now) this.pending.delete(key);
    while (this.pending.size >= this.maxPending) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
  }
}

/** One entry per connection version, folder, page size and token. */
function cacheKey({ record }: ResolvedConnection, req: ListRequest): string {
  return JSON.stringify([record.id, record.updatedAt, req.bucket, req.prefix, req.pageSize ?? 1000, req.continuationToken ?? '']);
}
