import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { dragHasFiles } from '../upload/dropped-sources';
import { RowName } from '../../ui/RowName';
import { breadcrumbSegments, foldCrumbs } from './breadcrumbs';

export interface BreadcrumbProps {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
  /** Files dropped on a crumb are uploaded under that prefix. */
  onDropFiles?: (prefix: string, data: DataTransfer) => void;
}

/**
 * bucket › public › media: every step is a button that opens that folder; the last is the current
 * one. A long path folds its middle into "…" (which opens the deepest folded folder).
 */
export function Breadcrumb({ bucket, prefix, onNavigate, onDropFiles }: BreadcrumbProps) {
  const all = breadcrumbSegments(bucket, prefix);
  const shown = foldCrumbs(all);
  const [dropOn, setDropOn] = useState<string | null>(null);
  return (
    <nav className="breadcrumb" aria-label="Folder path" data-testid="breadcrumb">
      <ol>
        {shown.map((item, index) => {
          if (item.kind === 'folded') {
            const deepest = item.hidden[item.hidden.length - 1];
            const path = item.hidden.map((c) => c.label).join(' / ');
            return (
              <li key="folded">
                <ChevronRight className="breadcrumb-sep" size={14} aria-hidden="true" />
                <button
                  type="button"
                  className="breadcrumb-item"
                  title={path}
                  aria-label={`${item.hidden.length} more folders: ${path}`}
                  onClick={() => deepest && onNavigate(deepest.prefix)}
                  data-testid="breadcrumb-folded"
                >
                  …
                </button>
              </li>
            );
          }
          const { crumb } = item;
          const current = index === shown.length - 1;
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
                title={crumb.label}
              >
                {crumb.label ? <RowName name={crumb.label} /> : '(unnamed)'}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
