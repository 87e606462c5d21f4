import type { SearchPage, SearchQuery } from '../../../shared/model/audit';
import type { SqlDatabase } from '../store/sql-port';
import { DeferredIndexes } from './deferred-indexes';
import type { IndexReader } from './index-reader';
import { searchIndex, type SearchScope } from './index-search';
import { InventoryMerger, type InventoryChunkArgs, type InventoryChunkResult } from './inventory/inventory-merge';
import { ListingMerger, type MergeCounts, type MergePageArgs } from './listing-merge';
import { FolderSizes, type FolderSizeRow, type FolderSizesArgs } from './reports/folder-sizes';
import { SnapshotFolders, type FolderAsOfArgs, type FolderPage } from './snapshot-folders';

/**
 * Work that runs inside the index worker as one request, because it is a loop of statements that
 * would cost a message each from main: merging a listing page or a chunk of an inventory import, listing a snapshot's folder, summing a folder's sizes, leaving out or building the secondary indexes, a search. Each
 * is called by name through `IndexStore.call`; arguments and results are structured-cloned.
 */
export interface IndexProcedures {
  mergeListingPage: { args: MergePageArgs; result: MergeCounts };
  /** One listing page cut at range ends: its pieces, in one transaction. */
  mergeListingPages: { args: { pages: MergePageArgs[] }; result: MergeCounts };
  folderAsOf: { args: FolderAsOfArgs; result: FolderPage };
  mergeInventoryChunk: { args: InventoryChunkArgs; result: InventoryChunkResult };
  /** The storage-by-folder report's sums (a pass over the folder's keys). */
  folderSizes: { args: FolderSizesArgs; result: FolderSizeRow[] };
  /** A first sync beside few other rows leaves the secondary indexes out (v9); result: how many are out. */
  deferObjectIndexes: { args: { syncId: number }; result: number };
  /** Builds every secondary index left out; result: how many. */
  buildObjectIndexes: { args: Record<string, never>; result: number };
  /** A page of a search with its count (`index-search.ts`). */
  search: { args: { scope: SearchScope; query: SearchQuery; page: { offset: number; limit: number } }; result: Omit<SearchPage, 'tookMs'> };
}

export type IndexProcedureName = keyof IndexProcedures;

/** The procedures over one connection (built once in the worker); `reader` reads through its statement cache. */
export function createIndexProcedures(
  db: SqlDatabase,
  reader: IndexReader,
): {
  [N in IndexProcedureName]: (args: IndexProcedures[N]['args']) => IndexProcedures[N]['result'];
} {
  const merger = new ListingMerger(db);
  const folders = new SnapshotFolders(db);
  const inventory = new InventoryMerger(db, merger);
  const folderSizes = new FolderSizes(db);
  const deferred = new DeferredIndexes(db);
  return {
    mergeListingPage: (args) => merger.mergePage(args),
    mergeListingPages: (args) => merger.mergePages(args.pages),
    folderAsOf: (args) => folders.list(args),
    mergeInventoryChunk: (args) => inventory.mergeChunk(args),
    folderSizes: (args) => folderSizes.sum(args),
    deferObjectIndexes: (args) => deferred.deferFor(args.syncId),
    buildObjectIndexes: () => deferred.build(),
    search: (args) => searchIndex(reader, args.scope, args.query, args.page),
  };
}
