import { TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

export interface ErrorBannerProps {
  /** A message written for people (main's AppError message, or the form's own words). */
  message: ReactNode;
  title?: string;
  /** Actions such as Retry; rendered after the message. */
  children?: ReactNode;
  testId?: string;
}

/** A red error box; role="alert" makes assistive tech read it as soon as it appears, without moving focus. */
export function ErrorBanner({ message, title, children, testId = 'error-banner' }: ErrorBannerProps) {
  return (
    <div className="error-banner" role="alert" data-testid={testId}>
      <TriangleAlert className="error-banner-icon" aria-hidden="true" size={18} />
      <div className="error-banner-body">
        {title ? <p className="error-banner-title">{title}</p> : null}
        <p className="error-banner-message">{message}</p>
        {children ? <div className="error-banner-actions">{children}</div> : null}
      </div>
    </div>
  );
}
