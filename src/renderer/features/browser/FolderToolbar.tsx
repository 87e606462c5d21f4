import { ArrowLeft, ArrowRight, ArrowUp, FolderPlus, RefreshCw } from 'lucide-react';
import type { ReactNode, Ref } from 'react';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Breadcrumb } from './Breadcrumb';
import { FilterBox } from './FilterBox';
import type { RootKind } from '../../../shared/model/roots';
import { rootBadgeText } from './root-badge';

export interface HistoryControls {
  canBack: boolean;
  canForward: boolean;
  back: () => void;
  forward: () => void;
}

export interface FolderToolbarProps {
  bucket: string;
  prefix: string;
  root: RootKind | null;
  history: HistoryControls;
  onNavigate: (prefix: string) => void;
  onUp: () => void;
  filter: string;
  onFilter: (value: string) => void;
  filterRef: Ref<HTMLInputElement>;
  onFilterDone: () => void;
  onRefresh: () => void;
  refreshing: boolean;
  onNewFolder: () => void;
  /** More buttons before New folder (e.g. the share feature's Upload link…). */
  extraActions?: ReactNode;
  /** Files dropped on a breadcrumb go under that crumb's prefix. */
  onDropFiles?: (prefix: string, data: DataTransfer) => void;
}

/** Where you are and what you can do here: back/forward/up, the path, filter, refresh, new folder. */
export function FolderToolbar(props: FolderToolbarProps) {
  const { history } = props;
  // Two fixed rows: where you are (nav, path, root badge) and what you can do (actions, filter,
  // refresh). The path collapses in the middle instead of wrapping, so no button ever moves.
  return (
    <header className="folder-header" data-testid="folder-toolbar">
      <div className="folder-header-row folder-header-path">
        <div className="nav-buttons">
          <IconButton
            label="Back (Alt+Left)"
            icon={<ArrowLeft size={16} />}
            disabled={!history.canBack}
            onClick={history.back}
            data-testid="nav-back"
          />
          <IconButton
            label="Forward (Alt+Right)"
            icon={<ArrowRight size={16} />}
            disabled={!history.canForward}
            onClick={history.forward}
            data-testid="nav-forward"
          />
          <IconButton
            label="Up one folder (Backspace)"
            icon={<ArrowUp size={16} />}
            disabled={props.prefix === ''}
            onClick={props.onUp}
            data-testid="nav-up"
          />
        </div>
        <Breadcrumb
          bucket={props.bucket}
          prefix={props.prefix}
          onNavigate={props.onNavigate}
          {...(props.onDropFiles ? { onDropFiles: props.onDropFiles } : {})}
        />
        {props.root ? (
          <span className="folder-root-badge" data-testid="folder-root-badge" data-root={props.root}>
            <Badge tone={props.root} title={rootBadgeText[props.root]}>
              {rootBadgeText[props.root]}
            </Badge>
          </span>
        ) : null}
      </div>
      <div className="folder-header-row folder-header-actions" data-testid="folder-actions">
        {props.extraActions}
        <Button icon={<FolderPlus size={15} />} onClick={props.onNewFolder} data-testid="new-folder">
          New folder
        </Button>
        <span className="spacer" />
        <FilterBox value={props.filter} onChange={props.onFilter} inputRef={props.filterRef} onDone={props.onFilterDone} />
        <IconButton
          label="Refresh (F5)"
          icon={<RefreshCw size={16} className={props.refreshing ? 'spin' : undefined} />}
          onClick={props.onRefresh}
          data-testid="listing-refresh"
          aria-busy={props.refreshing || undefined}
        />
      </div>
    </header>
  );
}
