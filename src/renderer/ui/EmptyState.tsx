import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
  testId?: string;
}

/** A calm placeholder for "nothing here yet" and "pick something first". */
export function EmptyState({ title, children, icon, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      {icon ? (
        <div className="empty-state-icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-body">{children}</div> : null}
    </div>
  );
}
