import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type MouseEvent, type SetStateAction } from 'react';
import type { Connection } from '../../../shared/model/connection';
import { isPublicKey, rootOf } from '../../../shared/model/roots';
import { FolderActionDialogs } from '../folder-actions/FolderActionDialogs';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { PreviewDialog } from '../preview/PreviewDialog';
import { UploadLinkButton } from '../share/UploadLinkButton';
import { useShareMenu } from '../share/use-share-menu';
import { UploadButton } from '../upload/UploadButton';
import { useUpload } from '../upload/UploadProvider';
import { useFolderDrop } from '../upload/use-folder-drop';
import { ContextMenu } from '../../ui/ContextMenu';
import { createFolderCommands } from './folder-commands';
import { FolderListing } from './FolderListing';
import { FolderToolbar, type HistoryControls } from './FolderToolbar';
import { listingMenuEntries } from './listing-menu';
import type { ListingRow } from './listing-rows';
import type { ListingTableHandle } from './ListingTable';
import { ListingStatus } from './ListingStatus';
import { clickRow, ensureSelected, selectAll } from './selection-model';
import type { SortSpec } from './sort-rows';
import { sortBy, useFolderState } from './use-folder-state';
import { useFolderCommandHandlers } from './use-folder-command-handlers';
import { useAppInfo } from '../../api/use-app-info';
import { api } from '../../api/client';
import { canDragOut, createDragOut } from './drag-out';
import type { RowDragOut } from './ListingRowView';
import { useListingKeyboard } from './use-listing-keyboard';

export interface FolderViewProps {
  connection: Connection;
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
  history: HistoryControls;
  sort: SortSpec;
  onSort: Dispatch<SetStateAction<SortSpec>>;
  /** A row to select when the folder opens (the folder we just came back out of). */
  initialFocus: string | null;
}

/** One open folder: toolbar, the listing with its selection and menu, the inspector and dialogs. */
export function FolderView({ connection, bucket, prefix, onNavigate, history, sort, onSort, initialFocus }: FolderViewProps) {
  const s = useFolderState({ connectionId: connection.id, bucket, prefix }, connection.roots, sort, initialFocus);
  const table = useRef<ListingTableHandle>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const reveal = useRef<string | null>(initialFocus);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const { listing, view, selection, update, selectedRows, setNotice } = s;

  const { refetch } = listing;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const commands = createFolderCommands({
    bucket,
    prefix,
    selectedRows: () => selectedRows,
    navigate: onNavigate,
    setPreview: s.setPreview,
    request: s.setRequest,
    refresh,
    notify: setNotice,
  });
  const selectAndReveal = (key: string) => {
    reveal.current = key;
    s.selectKey(key);
  };

  // Bring a row chosen from outside (new folder, rename, coming back up) into view once it is listed.
  useEffect(() => {
    if (reveal.current === null || s.focusIndex < 0 || reveal.current !== selection.focus) return;
    reveal.current = null;
    table.current?.scrollToIndex(s.focusIndex);
  }, [s.focusIndex, selection.focus]);

  // After navigating, the row or crumb that had focus is gone; keep the keyboard in the listing.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) table.current?.focus();
  }, []);

  useEffect(() => {
    if (!s.notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [s.notice, setNotice]);

  const openMenuAtFocus = () => {
    const element = s.focusIndex >= 0 ? table.current?.rowElement(s.focusIndex) : null;
    const box = element?.getBoundingClientRect();
    setMenuAt(box ? { x: box.left + 24, y: box.top + box.height } : { x: 320, y: 160 });
  };
  const appInfo = useAppInfo().data;
  const platform = appInfo?.platform ?? '';
  const onKeyDown = useListingKeyboard({
    view,
    selection,
    update,
    table,
    actions: { ...commands, contextMenu: openMenuAtFocus },
    platform,
  });
  const upload = useUpload();
  const dragOut = useMemo(
    () => (canDragOut(appInfo?.dragOut) ? createDragOut({ request: (input) => api.app.dragOut(input), notify: setNotice }) : null),
    [appInfo?.dragOut, setNotice],
  );
  const rowDragOut: RowDragOut | undefined = dragOut
    ? {
        press: (row) => {
          if (row.entry.kind === 'object') dragOut.press({ connectionId: connection.id, bucket, key: row.entry.key }, row.entry.size);
        },
        drag: (row) => void dragOut.drag({ connectionId: connection.id, bucket, key: row.entry.key }),
      }
    : undefined;
  const [inspectorOpen, setInspectorOpen] = useState(true);
  useFolderCommandHandlers({
    commands,
    selectedRows,
    focusFilter: () => filterRef.current?.focus(),
    selectAll: () => update((sel) => selectAll(sel, view.keys)),
    toggleInspector: () => setInspectorOpen((open) => !open),
    ...(upload
      ? {
          pick: (what: 'files' | 'folder', origin: 'user' | 'push') =>
            upload.pick({ connectionId: connection.id, bucket, prefix }, what, { clicked: origin === 'user' }),
        }
      : {}),
  });
  const dropFiles = (target: string, data: DataTransfer) => upload?.drop({ connectionId: connection.id, bucket, prefix: target }, data);
  const drop = useFolderDrop(prefix, dropFiles);
  const share = useShareMenu(
    { connectionId: connection.id, bucket, prefix, privateRoot: connection.roots.private },
    selectedRows.map((r) => r.entry),
    platform,
  );

  const onRowClick = (row: ListingRow, e: MouseEvent) =>
    update((sel) => clickRow(sel, view.keys, row.entry.key, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
  const onRowContextMenu = (row: ListingRow, e: MouseEvent) => {
    e.preventDefault();
    update((sel) => ensureSelected(sel, row.entry.key));
    setMenuAt({ x: e.clientX, y: e.clientY });
  };
  const onBackgroundContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    update((sel) => ({ ...sel, selected: new Set<string>() }));
    setMenuAt({ x: e.clientX, y: e.clientY });
  };

  const selectedEntries = selectedRows.map((r) => r.entry);
  const selectedBytes = selectedEntries.reduce((sum, e) => sum + (e.kind === 'object' ? e.size : 0), 0);
  return (
    <section className="folder-view" aria-label="Folder" data-testid="folder-view" data-prefix={prefix}>
      <FolderToolbar
        bucket={bucket}
        prefix={prefix}
        root={rootOf(prefix, connection.roots)}
        history={history}
        onNavigate={onNavigate}
        onUp={commands.parent}
        filter={s.filter}
        onFilter={s.setFilter}
        filterRef={filterRef}
        onFilterDone={() => table.current?.focus()}
        onRefresh={refresh}
        refreshing={listing.isRefetching}
        onNewFolder={commands.newFolder}
        extraActions={
          <>
            <UploadButton target={{ connectionId: connection.id, bucket, prefix }} />
            <UploadLinkButton connectionId={connection.id} bucket={bucket} prefix={prefix} privateRoot={connection.roots.private} />
          </>
        }
        onDropFiles={dropFiles}
      />
      <div className="folder-body">
        <div
          className="folder-main upload-drop-zone"
          {...drop.handlers}
          data-testid="upload-drop-zone"
          data-drop={drop.dropKey === null ? undefined : drop.dropKey === prefix ? 'here' : 'row'}
        >
          <FolderListing
            listing={listing}
            prefix={prefix}
            filter={s.filter}
            total={view.total}
            table={{
              rows: view.rows,
              label: `Contents of ${bucket}/${prefix}`,
              idPrefix: 'listing-row',
              selected: selection.selected,
              focusIndex: s.focusIndex,
              sort,
              order: view.order,
              onSort: (column) => onSort(sortBy(column)),
              onRowClick,
              onRowOpen: commands.open,
              onRowContextMenu,
              onBackgroundContextMenu,
              onKeyDown,
              handleRef: table,
              dropKey: drop.dropKey,
              dragOut: rowDragOut,
            }}
          />
          <ListingStatus
            total={view.total}
            shown={view.rows.length}
            loadingMore={listing.hasNextPage && !listing.isError}
            refreshing={listing.isRefetching}
            filtered={s.filter.trim() !== ''}
            selectedCount={selectedRows.length}
            selectedBytes={selectedBytes}
            notice={s.notice}
          />
        </div>
        {inspectorOpen ? (
          <InspectorPanel
            connectionId={connection.id}
            bucket={bucket}
            selected={selectedEntries}
            onPreview={s.setPreview}
            onEditHeaders={commands.editHeaders}
          />
        ) : null}
      </div>
      <ContextMenu
        at={menuAt}
        label="Actions"
        entries={menuAt ? share.withShare(listingMenuEntries(commands, selectedRows, platform)) : []}
        onClose={() => {
          setMenuAt(null);
          table.current?.focus();
        }}
      />
      <FolderActionDialogs
        connectionId={connection.id}
        bucket={bucket}
        request={s.request}
        isPublic={(key) => isPublicKey(key, connection.roots)}
        roots={connection.roots}
        onClose={() => {
          s.setRequest(null);
          table.current?.focus();
        }}
        onSelectKey={selectAndReveal}
      />
      {s.preview?.kind === 'object' ? (
        <PreviewDialog
          target={{ connectionId: connection.id, bucket, key: s.preview.key, size: s.preview.size }}
          onClose={() => s.setPreview(null)}
        />
      ) : null}
    </section>
  );
}
