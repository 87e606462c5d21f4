import { FolderOpen } from 'lucide-react';
import { useMemo } from 'react';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { LoadingState } from '../../ui/LoadingState';
import { buildListingRows } from './listing-rows';
import { ListingTable } from './ListingTable';
import type { Roots } from './roots';
import { useListing, type FolderRef } from './use-listing';

export interface FolderListingProps {
  folder: FolderRef;
  roots: Roots;
  onOpenFolder: (prefix: string) => void;
}

/** A folder's rows with its loading, empty and error states; rows appear as pages arrive. */
export function FolderListing({ folder, roots, onOpenFolder }: FolderListingProps) {
  const listing = useListing(folder);
  const rows = useMemo(
    () => buildListingRows(listing.data?.pages, folder.prefix, roots),
    [listing.data, folder.prefix, roots],
  );

  const errorBanner = listing.isError ? (
    <ErrorBanner title="This folder could not be listed." message={listing.error.message} testId="listing-error">
      <Button onClick={listing.retry} busy={listing.isFetching} data-testid="listing-retry">
        Retry
      </Button>
    </ErrorBanner>
  ) : null;

  if (listing.isPending) return <LoadingState label="Listing folder…" />;
  // Nothing arrived at all: show only the error, not the root shortcuts of a folder we cannot read.
  if (listing.data === undefined) return errorBanner;
  if (rows.length === 0 && !listing.hasNextPage) {
    return (
      <EmptyState title="This folder is empty" icon={<FolderOpen size={28} />} testId="listing-empty">
        <p>Nothing is stored under {folder.prefix || 'the top of this bucket'} yet.</p>
      </EmptyState>
    );
  }
  return (
    <div className="folder-listing">
      {errorBanner}
      <ListingTable rows={rows} label={`Contents of ${folder.bucket}/${folder.prefix}`} onOpenFolder={onOpenFolder} />
      <p className="listing-status" role="status">
        {listing.hasNextPage && !listing.isError
          ? `Loading more… ${rows.length.toLocaleString()} items so far`
          : `${rows.length.toLocaleString()} ${rows.length === 1 ? 'item' : 'items'}`}
      </p>
    </div>
  );
}
