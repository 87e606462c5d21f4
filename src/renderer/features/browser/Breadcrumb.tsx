import { ChevronRight } from 'lucide-react';
import { breadcrumbSegments } from './breadcrumbs';

export interface BreadcrumbProps {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
}

/** bucket › public › media: every step is a button that opens that folder; the last is the current one. */
export function Breadcrumb({ bucket, prefix, onNavigate }: BreadcrumbProps) {
  const crumbs = breadcrumbSegments(bucket, prefix);
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
                className="breadcrumb-item"
                onClick={() => onNavigate(crumb.prefix)}
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
