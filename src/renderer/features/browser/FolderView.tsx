import { useEffect, useRef } from 'react';
import type { Connection } from '../../../shared/model/connection';
import { Badge } from '../../ui/Badge';
import { Breadcrumb } from './Breadcrumb';
import { FolderListing } from './FolderListing';
import { rootBadgeText, rootOf } from './roots';

export interface FolderViewProps {
  connection: Connection;
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
}

/** The open folder: where you are (path, and which half of the bucket), then what is in it. */
export function FolderView({ connection, bucket, prefix, onNavigate }: FolderViewProps) {
  const root = rootOf(prefix, connection.roots);
  const headerRef = useRef<HTMLElement>(null);
  const openedPrefix = useRef(prefix);

  // The row or crumb that was activated is gone after navigating; put focus on where we are now
  // (the current crumb) so keyboard users are not dropped back at the top of the page.
  useEffect(() => {
    if (openedPrefix.current === prefix) return;
    openedPrefix.current = prefix;
    headerRef.current?.querySelector<HTMLElement>('[aria-current]')?.focus();
  }, [prefix]);

  return (
    <section className="folder-view" aria-label="Folder">
      <header className="folder-header" ref={headerRef}>
        <Breadcrumb bucket={bucket} prefix={prefix} onNavigate={onNavigate} />
        {root ? <Badge tone={root}>{rootBadgeText[root]}</Badge> : null}
      </header>
      <FolderListing
        key={`${bucket}\u0000${prefix}`}
        folder={{ connectionId: connection.id, bucket, prefix }}
        roots={connection.roots}
        onOpenFolder={onNavigate}
      />
    </section>
  );
}
