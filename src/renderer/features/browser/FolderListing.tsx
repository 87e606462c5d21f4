import { FolderOpen, SearchX } from 'lucide-react';
import type { ComponentProps } from 'react';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { ListingTable } from './ListingTable';
import type { useListing } from './use-listing';

export interface FolderListingProps {
  listing: ReturnType<typeof useListing>;
  prefix: string;
  filter: string;
  /** Rows listed so far, before the filter. */
  total: number;
  table: ComponentProps<typeof ListingTable>;
}

/**
 * The table with the folder's loading, empty, no-match and error states. The grid stays mounted
 * in every state, so keyboard focus (and Backspace to go up) survives an empty or failed folder.
 */
export function FolderListing({ listing, prefix, filter, total, table }: FolderListingProps) {
  const failed = listing.isError ? (
    <ErrorBanner title="This folder could not be listed." message={listing.error.message} testId="listing-error">
      <Button onClick={listing.retry} busy={listing.isFetching} data-testid="listing-retry">
        Retry
      </Button>
    </ErrorBanner>
  ) : null;

  let overlay = null;
  if (listing.isPending) overlay = <LoadingState label="Listing folder…" />;
  else if (listing.data === undefined) overlay = null;
  else if (total === 0 && !listing.hasNextPage && !listing.isError) {
    overlay = (
      <EmptyState title="This folder is empty" icon={<FolderOpen size={28} />} testId="listing-empty">
        <p>Nothing is stored under {prefix || 'the top of this bucket'} yet.</p>
      </EmptyState>
    );
  } else if (table.rows.length === 0 && total > 0 && filter) {
    overlay = (
      <EmptyState title="No names match" icon={<SearchX size={28} />} testId="listing-no-match">
        <p>
          Nothing here has “{filter}” in its name{listing.hasNextPage ? ' yet; more is still loading' : ''}.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="folder-listing">
      {failed}
      <div className="listing-frame">
        <ListingTable {...table} />
        {overlay ? <div className="listing-overlay">{overlay}</div> : null}
      </div>
    </div>
  );
}
