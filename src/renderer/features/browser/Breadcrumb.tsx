import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { dragHasFiles } from '../upload/dropped-sources';
import { breadcrumbSegments } from './breadcrumbs';

export interface BreadcrumbProps {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
  /** Files dropped on a crumb are uploaded under that prefix. */
  onDropFiles?: (prefix: string, data: DataTransfer) => void;
}

/** bucket › public › media: every step is a button that opens that folder; the last is the current one. */
export function Breadcrumb({ bucket, prefix, onNavigate, onDropFiles }: BreadcrumbProps) {
  const crumbs = breadcrumbSegments(bucket, prefix);
  const [dropOn, setDropOn] = useState<string | null>(null);
  return (
    <nav className="breadcrumb" aria-label="Folder path" data-testid="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => {
          const current = index === crumbs.length - 1;
          return (
            <li key={crumb.prefix || '/'}>
              {index > 0 ? <ChevronRight className="breadcrumb-sep" size={14} aria-hidden="true" /> : null}
              <button
                type="button"
                className={dropOn === crumb.prefix ? 'breadcrumb-item is-drop-target' : 'breadcrumb-item'}
                onClick={() => onNavigate(crumb.prefix)}
                onDragOver={(e) => {
                  if (!onDropFiles || !dragHasFiles(e.dataTransfer)) return;
                  e.preventDefault();
                  e.stopPropagation();
                  e.dataTransfer.dropEffect = 'copy';
                  setDropOn(crumb.prefix);
                }}
                onDragLeave={() => setDropOn(null)}
                onDrop={(e) => {
                  if (!onDropFiles || !dragHasFiles(e.dataTransfer)) return;
                  e.preventDefault();
                  e.stopPropagation();
                  setDropOn(null);
                  onDropFiles(crumb.prefix, e.dataTransfer);
                }}
                data-drop-target={dropOn === crumb.prefix || undefined}
                aria-current={current ? 'location' : undefined}
                data-testid="breadcrumb-item"
                data-prefix={crumb.prefix}
              >
                {crumb.label || '(unnamed)'}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
